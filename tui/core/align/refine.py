"""Provides refine(): the story-wide pass that corrects the collation's groups of English news.

The collation (tui.core.align.collation) folds the versions in one at a time and keeps each
version's part of a group one run of sentences. That suits copies and easy-language rewrites,
but versions written independently tell one fact in different sentences of their own: a deck
line and a sourcing sentence far apart both belong to the lede's group, and a sentence the
lexical score sent to the wrong group has no way back. This pass looks at the whole story.

1. A pair model gives each pair of sentences of two versions the probability that they report
   the same thing: a logistic function of the lexical score, how much of each side the other
   contains, the semantic cosine (tui.core.align.semantic, when the model is there), whether
   they state a shared number (and whether both state numbers), and how far apart they stand
   in their articles. The weights (`PairModel`) were fitted on the hand-aligned news-dev
   stories by `bench/fit_pair_model.py`.
2. Each sentence is then moved, in turn, to the group where it adds the most agreement: the
   sum over that group's sentences of other versions of (probability - `theta`), or to a group
   of its own when no group gains it anything (correlation clustering by single moves). A
   sentence may join a group that already holds other sentences of its version (a deck and a
   sourcing sentence of one lede), so a slot need not be one run after this pass.
3. Pairs that stay in different groups but are likely to report the same thing are kept as
   "related" links: shown, not merged.

The pass runs on English text (the pair model and the semantic vectors are English) whose
versions are not split-heavy rewrites, and on stories of at most `MAX_SENTENCES` sentences
(the pair model is evaluated on candidate pairs only, but the moves look at every sentence);
otherwise the collation's groups stand as they are.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

from tui.core.align.similarity import score_many

if TYPE_CHECKING:
    from tui.core.align.collation import Collation
    from tui.core.align.embedder import Embedder

MAX_SENTENCES = 3000
"""Largest story (sentences in all versions) the pass runs on."""

NEIGHBOURS = 3
"""Partners per sentence and other version scored by the pair model, best by cosine (and
twice as many over all versions by shared rare stems); every other pair counts as unrelated.
More changes nothing on news-dev (3, 8, 16 and 40 give the same pairs)."""

PASSES = 3
"""Rounds of single-sentence moves (they settle in two on the news-dev stories)."""

Ref = tuple[str, int]
"""(version, sentence index)."""


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic weights of the pair model and the agreement cut-off of the moves."""

    bias: float
    lexical: float
    """Weight of the collation's link score (score_many's first value)."""
    contained_a: float
    """Weight of the share of the first sentence's content found in the second."""
    contained_b: float
    """Weight of the share of the second sentence's content found in the first."""
    cosine: float
    """Weight of the semantic cosine (0 in the lexical-only model)."""
    shared_number: float
    both_numbers: float
    distance: float
    """Weight of the difference of the two sentences' relative positions in their articles."""
    theta: float
    """A sentence joins a group when its probabilities there sum above theta per partner."""
    related: float = 0.35
    """Probability from which a pair in different groups is reported as related."""

    def probability(self, feats: Sequence[float]) -> float:
        """The probability for (lexical, contained_a, contained_b, cosine, shared, both, dist)."""
        lex, ca, cb, cos, shared, both, dist = feats
        z = (
            self.bias
            + self.lexical * lex
            + self.contained_a * ca
            + self.contained_b * cb
            + self.cosine * cos
            + self.shared_number * shared
            + self.both_numbers * both
            + self.distance * dist
        )
        return 1.0 / (1.0 + math.exp(-z))


# Fitted by `python -m bench.fit_pair_model` on the six news-dev stories (ECB+: 5,967 pairs of
# sentences of two versions, 335 of them gold); theta by leave-one-story-out pair F1.
SEMANTIC_MODEL = PairModel(
    bias=-5.749,
    lexical=2.612,
    contained_a=3.729,
    contained_b=3.723,
    cosine=2.837,
    shared_number=0.575,
    both_numbers=0.285,
    distance=-2.004,
    theta=0.15,
)
"""With the semantic signal (held-out micro pair F1 .815 on news-dev)."""

LEXICAL_MODEL = PairModel(
    bias=-4.659,
    lexical=3.245,
    contained_a=4.201,
    contained_b=4.323,
    cosine=0.0,
    shared_number=0.504,
    both_numbers=0.422,
    distance=-1.954,
    theta=0.15,
)
"""Without it: no model, --no-semantic or SIDEBYSIDE_NO_SEMANTIC (held-out .803)."""

TRANSFORMER_MODEL = PairModel(
    bias=-5.96,
    lexical=2.007,
    contained_a=3.135,
    contained_b=3.227,
    cosine=4.821,
    shared_number=0.652,
    both_numbers=0.258,
    distance=-1.993,
    theta=0.15,
)
"""With the MiniLM forward pass (`--semantic transformer`, the `semantic` extra; held-out .838)."""

KIND_ENV = "SIDEBYSIDE_SEMANTIC"
"""Which semantic signal the pass uses: "static" (default) or "transformer"."""


def choose_model(semantic: bool) -> tuple[PairModel, Embedder | None]:
    """The pair model and the embedder it was fitted with: the transformer when asked for
    (SIDEBYSIDE_SEMANTIC) and installed, else the static vectors, else lexical only
    (semantic=False, SIDEBYSIDE_NO_SEMANTIC, or no model)."""
    if not semantic:
        return LEXICAL_MODEL, None
    from tui.core.align.semantic import load_semantic

    if semantic_kind() == "transformer":  # opt-in; needs the `semantic` extra
        sem = load_semantic("transformer")
        if sem is not None:
            return TRANSFORMER_MODEL, sem
    sem = load_semantic()
    return (SEMANTIC_MODEL, sem) if sem is not None else (LEXICAL_MODEL, None)


def semantic_kind() -> str:
    """The semantic signal asked for (SIDEBYSIDE_SEMANTIC; "static" unless "transformer")."""
    import os

    return "transformer" if os.environ.get(KIND_ENV, "").strip() == "transformer" else "static"


_ENGLISH_WORDS = """the a an of to in and is was were are for on that with by as at from he she it
they said has have had been be this which who will would not but"""
_OTHER_WORDS = """der die das und ist nicht ein eine zu den von mit sich des auf für im dem le la
les et est un une du des en que el los las y es por con para il di che"""
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
"""Function words of English."""
_OTHER = frozenset(_OTHER_WORDS.split())
"""Function words of German, French, Spanish and Italian."""
_WORD = re.compile(r"[^\W\d_]+")


def is_english(texts: Sequence[str]) -> bool:
    """Whether the text reads as English: its commonest function words are English ones."""
    en = other = 0
    for text in texts:
        for w in _WORD.findall(text.casefold()):
            en += w in _ENGLISH
            other += w in _OTHER
    return en >= 10 and en > 2 * other


def applies(col: Collation) -> bool:
    """Whether refine() runs on this collation (English, not split-heavy, not too large)."""
    sizes = [col._size(v) for v in col.texts]
    total = sum(n for n, _ in sizes)
    if total < 2 or total > MAX_SENTENCES or len(sizes) < 2:
        return False
    words = sum(w for _, w in sizes)
    for n, w in sizes:  # a split-heavy rewrite: much shorter sentences than all the others'
        rest_n, rest_w = total - n, words - w
        if n and rest_n and w / n <= col.tune.short_ratio * rest_w / rest_n:
            return False
    return is_english([t for v in col.texts for t in col.texts[v]])


class _Pairs:
    """The pair model evaluated on each sentence's candidate partners (0 for every other)."""

    def __init__(
        self,
        col: Collation,
        refs: list[Ref],
        model: PairModel,
        sem: Embedder | None,
        every_pair: bool = False,
    ) -> None:
        self.col = col
        self.model = model
        self.refs = refs
        self.at = {r: k for k, r in enumerate(refs)}
        self.size = {v: max(1, len(t)) for v, t in col.texts.items()}
        self.vectors = None
        if sem is not None and model.cosine:
            self.vectors = sem.embed([col.texts[v][i] for v, i in refs])
        self.prob: dict[tuple[int, int], float] = {}
        self.features: dict[tuple[int, int], tuple[float, ...]] = {}
        """The pair model's inputs of each scored pair (kept for fitting the model)."""
        self._score(self._every_pair() if every_pair else self._candidates())

    def _every_pair(self) -> dict[int, set[int]]:
        refs = self.refs
        return {
            k: {j for j in range(len(refs)) if refs[j][0] != refs[k][0]} for k in range(len(refs))
        }

    def _candidates(self) -> dict[int, set[int]]:
        """Per sentence, its best partners in each other version by cosine and by rare stems."""
        col, refs = self.col, self.refs
        by_version: dict[str, list[int]] = defaultdict(list)
        for k, (v, _) in enumerate(refs):
            by_version[v].append(k)
        out: dict[int, set[int]] = defaultdict(set)
        if self.vectors is not None:
            sims = self.vectors @ self.vectors.T
            for v, mine in by_version.items():
                for u, theirs in by_version.items():
                    if u == v:
                        continue
                    block = sims[mine][:, theirs]
                    keep = min(NEIGHBOURS, len(theirs))
                    top = block.argpartition(-keep, axis=1)[:, -keep:]
                    for row, k in enumerate(mine):
                        out[k].update(theirs[c] for c in top[row])
        index: dict[str, list[int]] = defaultdict(list)
        feats = [col.feat(v, (i,)) for v, i in refs]
        for k, f in enumerate(feats):
            for s in f.stems:
                index[s].append(k)
        weight = col.idf.weight
        cap = col.tune.max_postings
        for k, f in enumerate(feats):
            acc: defaultdict[int, float] = defaultdict(float)
            for s in f.stems:
                post = index[s]
                if len(post) <= cap:
                    for j in post:
                        if refs[j][0] != refs[k][0]:
                            acc[j] += weight[s]
            best = heapq.nlargest(NEIGHBOURS * 2, acc.items(), key=itemgetter(1))
            out[k].update(j for j, _ in best)
        return out

    def _score(self, candidates: Mapping[int, set[int]]) -> None:
        col, refs, model = self.col, self.refs, self.model
        for k, partners in sorted(candidates.items()):
            v, i = refs[k]
            todo = sorted(j for j in partners if (min(k, j), max(k, j)) not in self.prob)
            if not todo:
                continue
            mine = col.feat(v, (i,))
            scored = score_many(
                mine, [col.feat(refs[j][0], (refs[j][1],)) for j in todo], col.idf, col.tune
            )
            for j, (lex, cont_j, cont_k) in zip(todo, scored, strict=True):
                u, n = refs[j]
                other = col.feat(u, (n,))
                cos = float(self.vectors[k] @ self.vectors[j]) if self.vectors is not None else 0.0
                shared = bool(mine.numbers & other.numbers)
                both = bool(mine.numbers and other.numbers)
                dist = abs(i / self.size[v] - n / self.size[u])
                feats = (lex, cont_k, cont_j, cos, float(shared), float(both), dist)
                key = (min(k, j), max(k, j))
                self.features[key] = feats
                self.prob[key] = model.probability(feats)

    def get(self, a: int, b: int) -> float:
        """The probability for two sentences (by position in refs); 0 when never scored."""
        return self.prob.get((a, b) if a < b else (b, a), 0.0)


def refine(col: Collation, model: PairModel, sem: Embedder | None) -> list[tuple[Ref, Ref, float]]:
    """Move sentences between the collation's groups where the pair model agrees better.

    Args:
        col: the collation after every version was added (its slots are changed in place).
        model: the pair model's weights.
        sem: the semantic model, or None (lexical only).

    Returns:
        Related pairs: two sentences in different groups whose probability reaches
        `model.related`, with it, strongest first.
    """
    heads = {(v, 0) for v in col.headed}
    refs = [(v, i) for v in col.texts for i in range(len(col.texts[v])) if (v, i) not in heads]
    pairs = _Pairs(col, refs, model, sem)
    group: dict[int, int] = {}
    size: defaultdict[int, int] = defaultdict(int)
    """Sentences (of refs) per group."""
    per_version: defaultdict[tuple[int, str], int] = defaultdict(int)
    """Sentences per group and version."""
    at = pairs.at
    for g, slots in col.slots.items():
        for v, slot in slots.items():
            for i in slot:
                if (v, i) in at:
                    group[at[(v, i)]] = g
                    size[g] += 1
                    per_version[(g, v)] += 1
    partners: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (a, b), p in sorted(pairs.prob.items()):
        partners[a].append((b, p))
        partners[b].append((a, p))
    theta = model.theta

    def gain(agree: Mapping[int, float], v: str, g: int) -> float:
        return agree.get(g, 0.0) - theta * (size[g] - per_version[(g, v)])

    for _ in range(PASSES):
        moved = False
        for k in range(len(refs)):
            v = refs[k][0]
            here = group[k]
            # agreement with each group: its probabilities minus theta for each sentence of
            # another version in it (pairs never scored count as probability 0)
            agree: defaultdict[int, float] = defaultdict(float)
            for j, p in partners[k]:
                agree[group[j]] += p
            alone = size[here] == 1
            target: int | None = here
            best = 0.0 if alone else gain(agree, v, here)
            if best <= 0 and not alone:
                best, target = 0.0, None  # better on its own than where it is
            for g in sorted(g for g, a in agree.items() if a > theta and g != here):
                if gain(agree, v, g) > best + 1e-9:
                    best, target = gain(agree, v, g), g
            if target == here:
                continue
            _move(col, refs[k], here, target)
            size[here] -= 1
            per_version[(here, v)] -= 1
            if target is None:
                target = max(col.slots)
            group[k] = target
            size[target] += 1
            per_version[(target, v)] += 1
            moved = True
        if not moved:
            break
    best_related: dict[int, tuple[float, int]] = {}
    for (a, b), p in pairs.prob.items():
        if p >= model.related and group[a] != group[b]:
            for x, y in ((a, b), (b, a)):
                if (p, -y) > best_related.get(x, (0.0, 0)):
                    best_related[x] = (p, -y)
    related = {
        (min(x, -ny), max(x, -ny)): p for x, (p, ny) in best_related.items()
    }  # each sentence's best partner outside its group, once per pair
    out = [(refs[a], refs[b], p) for (a, b), p in related.items()]
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


def _move(col: Collation, ref: Ref, source: int, target: int | None) -> None:
    """Take one sentence out of its group and put it in another (or a new group of its own)."""
    v, i = ref
    slots: Mapping[str, tuple[int, ...]] = col.slots[source]
    rest = tuple(k for k in slots[v] if k != i)
    if rest:
        col.slots[source][v] = rest
    else:
        del col.slots[source][v]
        if not col.slots[source]:
            del col.slots[source]
            col.order.remove(source)
    if target is None:
        col.order.append(col.new_group(v, (i,)))
    else:
        col.slots[target][v] = tuple(sorted({*col.slots[target].get(v, ()), i}))
