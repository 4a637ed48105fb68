"""Provides align(): N-way sentence alignment of several versions of one story.

The versions are aligned progressively: the longest version starts the collation (one group
per sentence), then each other version, in an order that does not depend on the order of the
files (by content hash), is aligned against the groups built so far. The reference only sets
the reading order at the end, so choosing another one never changes which sentences are
grouped. One version against the groups:

1. Candidates: for each sentence, the group slots that share the most IDF weight of uncommon
   content stems (an inverted index; stems in too many slots and function words are left out),
   at most `Tuning.candidates` of them. So the cost grows about linearly with the number of
   sentences instead of with the number of sentence pairs.
2. Scores, with rapidfuzz's C scorers run over each sentence's candidates (`process.extract`;
   `cdist` would need numpy, which is not a dependency): character similarity (`ratio`) of the
   content words, IDF-weighted Dice overlap of content stems (numbers written as digits or
   words, British or American spelling), how much of each side the other contains, and a bonus
   for a shared number.
3. Order: mutual best matches are anchors; the longest run of anchors in the same order on both
   sides is the backbone. A candidate that sits between the backbone anchors of its neighbours
   and shares content gets a bonus, one that jumps across them a small penalty (moves are still
   found, they just need a better score).
4. Links: mutual best matches above the threshold, then split/merge links (a sentence mostly
   contained in its best partner), then gap links (weaker matches between sentences and groups
   left over between two linked passages). They are accepted strongest first while every
   version's part of a group stays one run of consecutive sentences (a "slot"), so a group is
   1:1, 1:n (split), n:1 (merge) or n:m.
5. Closest group: when the version's sentences are much shorter than the collated ones (an
   easy-language rewrite that splits most sentences), each sentence still unlinked goes to its
   closest group between the groups of its linked neighbours (closest: the link score plus
   the share of the short sentence's content that the group holds). A link refused because
   its sentence would not yet continue the group's run is offered again once its neighbour
   has joined.

Groups then get a kind (identical, reworded, partial, unique), scored links, and a reading
order that follows the reference, with each other version's unique passages placed after the
group of the sentence that precedes them in their own text. The weights and cut-offs
(`Tuning`) were tuned on the dev split of the DEplain-web sentence-alignment benchmark.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz import fuzz, process

from tui.core.articles import Article
from tui.core.normalize import BRITISH_TO_AMERICAN, NUMBER_WORDS, SCALES

KINDS = ("identical", "reworded", "partial", "unique")
"""Group kinds, from closest to loosest."""

DEFAULT_THRESHOLD = 0.32
"""Minimum score of a 1:1 link (tuned on the benchmark's dev split)."""


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """One sentence of one article."""

    article: str
    """Article id."""
    sentence: int
    """Sentence index in that article."""


@dataclass(frozen=True, slots=True)
class Link:
    """A cross-version match between two members of a group."""

    a: SentenceRef
    """One end (the earlier article in collection order)."""
    b: SentenceRef
    """The other end."""
    score: float
    """Similarity in [0, 1]."""


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences from different versions that report the same thing (at most one slot each)."""

    id: int
    """Position in reading order, from 0."""
    kind: str
    """One of KINDS."""
    members: tuple[SentenceRef, ...]
    """Sorted by article (collection order) then sentence index; a slot of 2+ is a split/merge."""
    links: tuple[Link, ...] = ()
    """Scored cross-version links: each non-pivot sentence to its closest pivot sentence (the
    pivot is the reference when present, else the first article in collection order)."""

    def slot(self, article: str) -> tuple[int, ...]:
        """Sentence indices of `article` in this group (empty when absent)."""
        return tuple(m.sentence for m in self.members if m.article == article)

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles present, in member order, without repeats."""
        return tuple(dict.fromkeys(m.article for m in self.members))


@dataclass(frozen=True, slots=True)
class PairSimilarity:
    """How much two versions share."""

    a: str
    """Article id."""
    b: str
    """Article id."""
    matched_a: float
    """Share of a's sentences matched in b, in [0, 1]."""
    matched_b: float
    """Share of b's sentences matched in a, in [0, 1]."""
    words_a: float
    """Share of a's words in sentences matched in b."""
    words_b: float
    """Share of b's words in sentences matched in a."""
    mean_score: float
    """Mean score of the a-b links (0 when none)."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of align(): groups in reading order plus the pairwise similarity matrix."""

    reference: str
    """Id of the reference article the reading order follows."""
    articles: tuple[Article, ...]
    """The versions, in collection order."""
    groups: tuple[Group, ...]
    """Groups in reading order."""
    similarity: tuple[PairSimilarity, ...]
    """One entry per unordered pair of articles, in collection order."""

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class Tuning:
    """The engine's weights and cut-offs (defaults tuned on the benchmark's dev split)."""

    threshold: float = DEFAULT_THRESHOLD
    """Minimum score of a 1:1 link (the other stages scale with it when align() is given one)."""
    w_dice: float = 0.56
    """Weight of the IDF-weighted Dice overlap of content stems."""
    w_ratio: float = 0.44
    """Weight of rapidfuzz `ratio` on the content words."""
    w_tset: float = 0.0
    """Weight of rapidfuzz `token_set_ratio` on the content words (off: 5x slower, no better)."""
    number_bonus: float = 0.045
    """Added when both sentences state numbers and share one."""
    floor: float = 0.2
    """Minimum score of a link before the order bonus (the bonus ranks, it cannot lift)."""
    contain: float = 0.3
    """Minimum share of a sentence's content found in its partner for a split/merge link."""
    contain_score: float = 0.23
    """Minimum score of a split/merge link."""
    order_bonus: float = 0.19
    """Added to a candidate that sits between the anchors of its neighbours."""
    bonus_contain: float = 0.25
    """The order bonus goes only to candidates sharing at least this much content."""
    order_penalty: float = 0.045
    """Taken from a candidate that jumps across its neighbours' anchors."""
    stem: int = 5
    """Words are cut to this many characters before comparing content."""
    max_postings: int = 30
    """Stems found in more representative slots than this do not make candidates."""
    candidates: int = 10
    """Slots scored per sentence: those sharing the most IDF weight of uncommon stems."""
    reps: int = 3
    """Slots of a group that stand for it when a new version is compared with it."""
    similarity_sample: int = 40
    """Shared groups (at most) that a pair's mean score is taken over."""
    gap_threshold: float = 0.19
    """Minimum score of a link between sentences left over between two linked passages."""
    max_gap: int = 20
    """Longest stretch (in groups or sentences) that gap filling looks into."""
    gap_contain: float = 0.3
    """Minimum share of one side's content found in the other for a gap link."""
    short_ratio: float = 0.6
    """A version whose sentences are this much shorter (mean words) than the groups' is a
    split-heavy rewrite: each of its sentences left over is linked to its closest group."""
    close_threshold: float = 0.25
    """Minimum score of such a closest-group link (link score plus the share of the
    sentence's content found in the group)."""


STOPWORDS = frozenset(
    {
        "a",
        "about",
        "after",
        "against",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "few",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "aber",
        "als",
        "am",
        "auch",
        "auf",
        "aus",
        "bei",
        "bin",
        "bis",
        "bist",
        "da",
        "dann",
        "das",
        "dass",
        "dem",
        "den",
        "der",
        "des",
        "die",
        "dies",
        "diese",
        "diesem",
        "diesen",
        "dieser",
        "dieses",
        "doch",
        "dort",
        "du",
        "durch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "eines",
        "er",
        "es",
        "etwas",
        "euch",
        "euer",
        "eure",
        "für",
        "hat",
        "hatte",
        "hatten",
        "haben",
        "hier",
        "ich",
        "ihm",
        "ihn",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "ihrer",
        "im",
        "ist",
        "ja",
        "jede",
        "jedem",
        "jeden",
        "jeder",
        "jedes",
        "kann",
        "kein",
        "keine",
        "man",
        "mein",
        "meine",
        "mich",
        "mir",
        "mit",
        "muss",
        "nach",
        "nicht",
        "noch",
        "nun",
        "nur",
        "ob",
        "oder",
        "ohne",
        "sehr",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seiner",
        "sich",
        "sie",
        "sind",
        "solche",
        "soll",
        "sollen",
        "um",
        "und",
        "uns",
        "unser",
        "unter",
        "viel",
        "vom",
        "von",
        "vor",
        "war",
        "waren",
        "weil",
        "wenn",
        "wer",
        "wie",
        "wir",
        "wird",
        "wo",
        "wurde",
        "wurden",
        "zu",
        "zum",
        "zur",
        "über",
    }
)
"""Function words of English and German: no content, so no weight in the overlap score."""

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_THOUSANDS_RE = re.compile(r"(?<=\d)[,.'’ ](?=\d{3}(?!\d))")
_FOLD = str.maketrans(
    {
        "·": "",
        "‧": "",
        "•": "",
        "\u00ad": "",
        "ß": "ss",
        "’": "'",
        "‘": "'",
    }
)


def _accent_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
        )
        if base != chr(code) and base.isascii():
            table[code] = base.casefold()
    return table


_ACCENTS = _accent_table()


def normalise(text: str) -> str:
    """A comparison form of a sentence: case, accents, quotes and punctuation folded away.

    Args:
        text: a sentence.

    Returns:
        Lowercase words and numbers separated by single spaces.
    """
    text = text.translate(_FOLD).casefold()
    if not text.isascii():
        text = text.translate(_ACCENTS)
    text = _THOUSANDS_RE.sub("", text)
    words = [BRITISH_TO_AMERICAN.get(w, w) for w in _WORD_RE.findall(text)]
    return " ".join(_number_words(words))


def _number_words(words: list[str]) -> list[str]:
    """Runs of English number words as digits ("five thousand" -> "5000", "2 million")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w not in NUMBER_WORDS and not (
            w.isdigit() and i + 1 < len(words) and words[i + 1] in SCALES
        ):
            out.append(w)
            i += 1
            continue
        total, current = 0, int(w) if w.isdigit() else NUMBER_WORDS[w]
        i += 1
        while i < len(words):
            nxt = words[i]
            if nxt in NUMBER_WORDS:
                current += NUMBER_WORDS[nxt]
            elif nxt == "hundred":
                current = (current or 1) * 100
            elif nxt in SCALES:
                total += (current or 1) * SCALES[nxt]
                current = 0
            else:
                break
            i += 1
        out.append(str(total + current))
    return out


@dataclass(frozen=True, slots=True)
class _Feat:
    """What the scorers need to know about one slot's text."""

    norm: str
    """normalise() of the text."""
    content: str
    """The content words of norm (function words left out), for character similarity."""
    stems: frozenset[str]
    """Content stems (words cut to Tuning.stem characters, numbers whole)."""
    numbers: frozenset[str]
    """Numbers stated."""
    weight: float
    """Sum of the IDF of the stems."""


def _stems(norm: str, size: int) -> list[str]:
    return [w if w.isdigit() else w[:size] for w in norm.split() if w not in STOPWORDS]


class _Idf:
    """Inverse document frequency of stems over every sentence of every version."""

    def __init__(self, norms: Sequence[str], size: int) -> None:
        df: dict[str, int] = {}
        for norm in norms:
            for s in set(_stems(norm, size)):
                df[s] = df.get(s, 0) + 1
        n = max(1, len(norms))
        self.weight = {s: math.log((n + 1) / (d + 0.5)) for s, d in df.items()}
        """Stem -> IDF weight."""
        self.size = size

    def feat(self, norm: str) -> _Feat:
        """Features of a normalised text."""
        stems = frozenset(_stems(norm, self.size))
        return self.combine(norm, stems)

    def combine(self, norm: str, stems: frozenset[str]) -> _Feat:
        """Features from a normalised text and its stems."""
        numbers = frozenset(s for s in stems if s.isdigit())
        content = " ".join(w for w in norm.split() if w not in STOPWORDS)
        weight = sum(map(self.weight.__getitem__, stems))
        return _Feat(norm, content, stems, numbers, weight)


def _score_many(
    query: _Feat, cands: Sequence[_Feat], idf: _Idf, tune: Tuning
) -> list[tuple[float, float, float]]:
    """Score one sentence against candidate slots: (sym, cont_cand, cont_query) each."""
    if not cands:
        return []
    choices = [c.content for c in cands]
    ratio = [0.0] * len(cands)
    tset = [0.0] * len(cands)
    for _, sc, i in process.extract(
        query.content, choices, scorer=fuzz.ratio, limit=None, score_cutoff=0
    ):
        ratio[i] = sc / 100.0
    if tune.w_tset:
        for _, sc, i in process.extract(
            query.content, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=0
        ):
            tset[i] = sc / 100.0
    out = []
    weight = idf.weight.__getitem__
    for i, c in enumerate(cands):
        shared = sum(map(weight, query.stems & c.stems))
        total = query.weight + c.weight
        dice = 2 * shared / total if total else 0.0
        cont_c = shared / c.weight if c.weight else 0.0
        cont_q = shared / query.weight if query.weight else 0.0
        sym = tune.w_dice * dice + tune.w_ratio * ratio[i] + tune.w_tset * tset[i]
        if query.numbers and c.numbers and query.numbers & c.numbers:
            sym += tune.number_bonus
        out.append((min(1.0, sym), cont_c, cont_q))
    return out


def _consecutive(xs: Collection[int]) -> bool:
    return max(xs) - min(xs) + 1 == len(xs)


class _Collation:
    """Groups under construction: slots per version, and their reading order."""

    def __init__(
        self,
        texts: Mapping[str, Sequence[str]],
        norms: Mapping[str, Sequence[str]],
        idf: _Idf,
        tune: Tuning,
    ) -> None:
        self.texts = texts
        self.norms = norms
        self.idf = idf
        self.tune = tune
        self.slots: dict[int, dict[str, tuple[int, ...]]] = {}
        self.order: list[int] = []
        self._feat: dict[tuple[str, tuple[int, ...]], _Feat] = {}
        self._next = 0
        self.done: list[str] = []
        """Versions already collated, in processing order."""
        self.headed: set[str] = set()
        """Versions whose sentence 0 is their headline: it never joins a run with the body."""
        self.adding = ""
        """The version being folded in by add_version()."""
        self._sizes: dict[str, tuple[int, int]] = {}

    def feat(self, version: str, slot: tuple[int, ...]) -> _Feat:
        """Features of a slot (cached; a run's are combined from its sentences')."""
        key = (version, slot)
        f = self._feat.get(key)
        if f is None:
            if len(slot) == 1:
                f = self.idf.feat(self.norms[version][slot[0]])
            else:
                parts = [self.feat(version, (i,)) for i in slot]
                f = self.idf.combine(
                    " ".join(p.norm for p in parts), frozenset().union(*(p.stems for p in parts))
                )
            self._feat[key] = f
        return f

    def new_group(self, version: str, slot: tuple[int, ...]) -> int:
        gid = self._next
        self._next += 1
        self.slots[gid] = {version: slot}
        return gid

    def run_ok(self, version: str, xs: Collection[int]) -> bool:
        """True when xs can be one slot: consecutive, and no headline joined to the body."""
        if not _consecutive(xs):
            return False
        return not (version in self.headed and len(xs) > 1 and 0 in xs)

    def add_version(self, version: str) -> None:
        """Align one more version against the groups and fold it in."""
        self.adding = version
        tune = self.tune
        n = len(self.texts[version])
        if not n:
            return
        pos = {g: k for k, g in enumerate(self.order)}
        # Representatives: the first `reps` slots of each group (versions in processing order).
        reps: list[tuple[int, _Feat]] = []
        for g in self.order:
            for v, slot in self._reps(g):
                reps.append((g, self.feat(v, slot)))
        sent = [self.feat(version, (i,)) for i in range(n)]
        # 1. Candidates from an inverted index of tokens that are not too common.
        index: dict[str, list[int]] = {}
        for r, (_, f) in enumerate(reps):
            for s in f.stems:
                index.setdefault(s, []).append(r)
        cap = tune.max_postings
        # 2. Scores: best over each group's representatives.
        raw: dict[tuple[int, int], tuple[float, float, float]] = {}
        weight = self.idf.weight
        for i, q in enumerate(sent):
            acc: defaultdict[int, float] = defaultdict(float)
            for s in q.stems:
                post = index.get(s)
                if post is not None and len(post) <= cap:
                    w = weight[s]
                    for r in post:
                        acc[r] += w
            if not acc:
                continue
            if len(acc) > tune.candidates:
                top = heapq.nlargest(tune.candidates, acc.items(), key=itemgetter(1))
                ordered = sorted(r for r, _ in top)
            else:
                ordered = sorted(acc)
            for r, sc in zip(
                ordered, _score_many(q, [reps[r][1] for r in ordered], self.idf, tune), strict=True
            ):
                key = (reps[r][0], i)
                old = raw.get(key)
                if old is None or sc[0] > old[0]:
                    raw[key] = sc
        if not raw:
            self._add_uniques(version, set(range(n)))
            return
        # 3. Order: anchors are mutual best matches; reward candidates between them.
        anchors = _backbone(_mutual_best({k: v[0] for k, v in raw.items()}, tune.threshold), pos)
        scores = _order_adjust(raw, anchors, pos, n, tune)
        # 4. Links, strongest first, while every slot stays a run; then fill the gaps.
        links = [
            k
            for k in _links(scores, tune)
            if raw[k][0] >= tune.floor and raw[k][1] > 0  # some content word in common
        ]
        links = self._pair_headlines(version, links, raw)
        comps = self._components(links)
        gap = self._gap_links(version, sent, comps, pos)
        if gap:
            comps = self._components(links + gap)
        if self._split_heavy(version):
            close = self._closest_links(sent, comps, pos)
            if close:
                comps = self._settle(links + gap, close)
        self._merge(version, comps)

    def _settle(
        self, firm: list[tuple[int, int]], loose: list[tuple[int, int]]
    ) -> list[tuple[set[int], set[int]]]:
        """Components of the firm links, then the loose ones offered again while more join.

        A loose link refused because its sentence would not yet continue the group's run (its
        neighbour joins later in score order) gets another chance once the neighbour is in.
        """
        comps = self._components(firm + loose)
        joined = sum(len(s) for _, s in comps)
        for rounds in range(2, self.tune.max_gap + 1):
            again = self._components(firm + loose * rounds)
            now = sum(len(s) for _, s in again)
            if now <= joined:
                break
            comps, joined = again, now
        return comps

    def _split_heavy(self, version: str) -> bool:
        """Whether the version's sentences are much shorter than those already collated."""
        mine = self._size(version)
        theirs = [self._size(v) for v in self.done]
        sents, words = sum(n for n, _ in theirs), sum(w for _, w in theirs)
        if not mine[0] or not sents:
            return False
        return mine[1] / mine[0] <= self.tune.short_ratio * words / sents

    def _size(self, version: str) -> tuple[int, int]:
        """Sentences and words of a version."""
        found = self._sizes.get(version)
        if found is None:
            norms = self.norms[version]
            found = self._sizes[version] = (len(norms), sum(len(n.split()) for n in norms))
        return found

    def _unlinked_runs(
        self, n: int, comps: list[tuple[set[int], set[int]]], pos: dict[int, int]
    ) -> Iterator[tuple[int, int, int, int]]:
        """Runs i..j of a version's sentences left unlinked, with the reading positions lo..hi
        of the groups between the linked passages around them (the whole order at the ends)."""
        span: dict[int, tuple[int, int]] = {}
        for groups, sents in comps:
            ps = [pos[g] for g in groups]
            for k in sents:
                span[k] = (min(ps), max(ps))
        i = 0
        while i < n:
            if i in span:
                i += 1
                continue
            j = i
            while j + 1 < n and j + 1 not in span:
                j += 1
            lo = span[i - 1][1] if i > 0 else 0
            hi = span[j + 1][0] if j + 1 < n else len(self.order) - 1
            yield i, j, lo, hi
            i = j + 1

    def _closest_links(
        self, sent: list[_Feat], comps: list[tuple[set[int], set[int]]], pos: dict[int, int]
    ) -> list[tuple[int, int]]:
        """Each sentence still unlinked to its closest group between its neighbours' groups."""
        tune = self.tune
        out: list[tuple[float, int, int]] = []
        for i, j, lo, hi in self._unlinked_runs(len(sent), comps, pos):
            if 0 < hi - lo + 1 <= tune.max_gap:
                feats = [
                    (g, self.feat(v, s)) for g in self.order[lo : hi + 1] for v, s in self._reps(g)
                ]
                for k in range(i, j + 1):
                    scored = _score_many(sent[k], [f for _, f in feats], self.idf, tune)
                    # score plus the share of the sentence's content found in the group
                    best = max(
                        ((sc[0] + sc[2], -g) for (g, _), sc in zip(feats, scored, strict=True)),
                        default=(-1.0, 0),
                    )
                    if best[0] >= tune.close_threshold:
                        out.append((best[0], -best[1], k))
        out.sort(key=lambda t: (-t[0], t[1], t[2]))
        return [(g, k) for _, g, k in out]

    def _gap_links(
        self,
        version: str,
        sent: list[_Feat],
        comps: list[tuple[set[int], set[int]]],
        pos: dict[int, int],
    ) -> list[tuple[int, int]]:
        """Weaker links between the sentences and groups left over between two linked passages."""
        tune = self.tune
        taken: set[int] = set().union(*(groups for groups, _ in comps))
        out: list[tuple[float, int, int]] = []
        for i, j, lo, hi in self._unlinked_runs(len(sent), comps, pos):
            if 0 < hi - lo + 1 <= tune.max_gap and j - i + 1 <= tune.max_gap:
                window = [
                    g for g in self.order[lo : hi + 1] if g not in taken or pos[g] in (lo, hi)
                ]
                feats = [(g, self.feat(v, s)) for g in window for v, s in self._reps(g)]
                best_g: dict[int, tuple[float, int]] = {}
                for k in range(i, j + 1):
                    scored = _score_many(sent[k], [f for _, f in feats], self.idf, tune)
                    best: tuple[float, int] = (-1.0, 0)
                    for (g, _), sc in zip(feats, scored, strict=True):
                        if max(sc[1], sc[2]) < tune.gap_contain:
                            continue
                        best = max(best, (sc[0], -g))
                        if g not in taken and (sc[0], -k) > best_g.get(g, (-1.0, 0)):
                            best_g[g] = (sc[0], -k)
                    if best[0] >= tune.gap_threshold:
                        out.append((best[0], -best[1], k))
                for g, (s, nk) in best_g.items():
                    if s >= tune.gap_threshold:
                        out.append((s, g, -nk))
        out.sort(key=lambda t: (-t[0], t[1], t[2]))
        return list(dict.fromkeys((g, k) for _, g, k in out))

    def _pair_headlines(
        self,
        version: str,
        links: list[tuple[int, int]],
        raw: Mapping[tuple[int, int], tuple[float, float, float]],
    ) -> list[tuple[int, int]]:
        """A headline links first to the best group holding another version's headline.

        Headlines say the story in a few words, so one often scores higher against a body
        sentence than against the other headline; pairing them first keeps the opening rows
        of a comparison headline against headline. Only when they share content words.
        """
        if version not in self.headed:
            return links
        best: tuple[float, int] | None = None
        for g, slots in self.slots.items():
            if not any(v in self.headed and slot == (0,) for v, slot in slots.items()):
                continue
            sc = raw.get((g, 0))
            if sc is None or sc[0] < self.tune.floor or sc[1] <= 0:
                continue
            if best is None or (sc[0], -g) > (best[0], -best[1]):
                best = (sc[0], g)
        if best is None:
            return links
        head = (best[1], 0)
        return [head, *(k for k in links if k[1] != 0)]

    def _reps(self, g: int) -> list[tuple[str, tuple[int, ...]]]:
        return list(self.slots[g].items())[: self.tune.reps]

    def _components(self, links: list[tuple[int, int]]) -> list[tuple[set[int], set[int]]]:
        """Union links strongest first, skipping any that would break a slot into pieces."""
        parent: dict[tuple[str, int], tuple[str, int]] = {}

        def find(x: tuple[str, int]) -> tuple[str, int]:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        Part = tuple[set[int], set[int], Mapping[str, Collection[int]]]
        comp: dict[tuple[str, int], Part] = {}

        def part(root: tuple[str, int]) -> Part:
            found = comp.get(root)
            if found is not None:
                return found
            if root[0] == "g":
                return {root[1]}, set(), self.slots[root[1]]
            return set(), {root[1]}, {}

        for g, i in links:
            a, b = find(("g", g)), find(("v", i))
            if a == b:
                continue
            (ga, va, ma), (gb, vb, mb) = part(a), part(b)
            sents = va | vb
            if va and vb and not self.run_ok(self.adding, sents):
                continue
            if len(mb) > len(ma):
                ma, mb = mb, ma
            merged: Mapping[str, Collection[int]] = ma
            if mb:
                grown = dict(ma)
                for v, slot in mb.items():
                    if v in grown:
                        union = set(grown[v]).union(slot)
                        if not self.run_ok(v, union):
                            break
                        grown[v] = union
                    else:
                        grown[v] = slot
                else:
                    merged = grown
                if merged is ma:
                    continue
            parent[b] = a
            comp[a] = (ga | gb, sents, merged)
            comp.pop(b, None)
        return [(comp[k][0], comp[k][1]) for k in sorted(comp)]

    def _merge(self, version: str, comps: list[tuple[set[int], set[int]]]) -> None:
        """Fold the linked sentences into their groups (merging groups a sentence joins)."""
        used: set[int] = set()
        pos = {g: k for k, g in enumerate(self.order)}
        for groups, sents in comps:
            keep = min(groups, key=lambda g: pos[g])
            merged: dict[str, set[int]] = {}
            for g in sorted(groups, key=lambda g: pos[g]):
                for v, slot in self.slots[g].items():
                    merged.setdefault(v, set()).update(slot)
                if g != keep:
                    del self.slots[g]
            self.slots[keep] = {v: tuple(sorted(s)) for v, s in merged.items()}
            self.slots[keep][version] = tuple(sorted(sents))
            used |= sents
        gone = {g for g in pos if g not in self.slots}
        if gone:
            self.order = [g for g in self.order if g not in gone]
        self._add_uniques(version, set(range(len(self.texts[version]))) - used)

    def _add_uniques(self, version: str, free: set[int]) -> None:
        """New groups for unmatched sentences, after the group of the sentence before them."""
        if not free:
            return
        where: dict[int, int] = {}
        for g in self.order:
            for i in self.slots[g].get(version, ()):
                where[i] = g
        first = min(where, default=None)
        # key g: after group g; key -1 - g: before group g; None: at the end (nothing matched)
        lead: int | None = None if first is None else -1 - where[first]
        inserts: dict[int | None, list[int]] = {}
        prev: int | None = None
        for i in range(len(self.texts[version])):
            if i in where:
                prev = where[i]
            elif i in free:
                key = lead if prev is None else prev
                inserts.setdefault(key, []).append(self.new_group(version, (i,)))
        new_order: list[int] = list(inserts.get(None, ()))
        for g in self.order:
            new_order.extend(inserts.get(-1 - g, ()))
            new_order.append(g)
            new_order.extend(inserts.get(g, ()))
        self.order = new_order


def _mutual_best(sym: dict[tuple[int, int], float], threshold: float) -> dict[int, int]:
    """Sentence -> group of the mutual best matches scoring at least threshold."""
    best_g: dict[int, tuple[float, int]] = {}
    best_v: dict[int, tuple[float, int]] = {}
    for (g, i), s in sym.items():
        if s < threshold:
            continue
        if (s, -g) > best_v.get(i, (-1.0, 0)):
            best_v[i] = (s, -g)
        if (s, -i) > best_g.get(g, (-1.0, 0)):
            best_g[g] = (s, -i)
    out = {}
    for i, (_, ng) in best_v.items():
        if best_g[-ng][1] == -i:
            out[i] = -ng
    return out


def _backbone(anchors: dict[int, int], pos: dict[int, int]) -> dict[int, int]:
    """The longest run of anchors in the same order on both sides (the rest are moves)."""
    items = sorted(anchors.items())
    tails: list[int] = []  # position value ending an increasing run of each length
    tail_at: list[int] = []  # index in items of that ending
    prev: list[int] = [-1] * len(items)
    for k, (_, g) in enumerate(items):
        p = pos[g]
        j = bisect.bisect_left(tails, p)
        if j == len(tails):
            tails.append(p)
            tail_at.append(k)
        else:
            tails[j] = p
            tail_at[j] = k
        prev[k] = tail_at[j - 1] if j else -1
    out: dict[int, int] = {}
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out[items[k][0]] = items[k][1]
        k = prev[k]
    return out


def _order_adjust(
    raw: dict[tuple[int, int], tuple[float, float, float]],
    anchors: dict[int, int],
    pos: dict[int, int],
    n: int,
    tune: Tuning,
) -> dict[tuple[int, int], tuple[float, float, float]]:
    """Bonus for candidates that sit between the anchors of their neighbouring sentences."""
    if not anchors:
        return raw
    before: list[int | None] = [None] * n
    after: list[int | None] = [None] * n
    last: int | None = None
    for i in range(n):
        before[i] = last
        if i in anchors:
            last = pos[anchors[i]]
    last = None
    for i in range(n - 1, -1, -1):
        after[i] = last
        if i in anchors:
            last = pos[anchors[i]]
    out = {}
    for (g, i), (sym, cu, cv) in raw.items():
        p, lo, hi = pos[g], before[i], after[i]
        if (lo is None or lo <= p) and (hi is None or p <= hi):
            if max(cu, cv) >= tune.bonus_contain:
                sym += tune.order_bonus
        else:
            sym -= tune.order_penalty
        out[(g, i)] = (max(0.0, min(1.0, sym)), cu, cv)
    return out


def _links(
    scores: dict[tuple[int, int], tuple[float, float, float]], tune: Tuning
) -> list[tuple[int, int]]:
    """Candidate links, strongest first: mutual best, then split/merge containment links."""
    sym = {k: v[0] for k, v in scores.items()}
    mutual = _mutual_best(sym, tune.threshold)
    first = sorted(((g, i) for i, g in mutual.items()), key=lambda k: (-sym[k], k))
    best_g: dict[int, tuple[float, int]] = {}
    best_v: dict[int, tuple[float, int]] = {}
    for (g, i), s in sym.items():
        if (s, -g) > best_v.get(i, (-1.0, 0)):
            best_v[i] = (s, -g)
        if (s, -i) > best_g.get(g, (-1.0, 0)):
            best_g[g] = (s, -i)
    second: set[tuple[int, int]] = set()
    for i, (s, ng) in best_v.items():
        key = (-ng, i)
        if s >= tune.contain_score and scores[key][2] >= tune.contain:
            second.add(key)
    for g, (s, ni) in best_g.items():
        key = (g, -ni)
        if s >= tune.contain_score and scores[key][1] >= tune.contain:
            second.add(key)
    rest = sorted(second - set(first), key=lambda k: (-sym[k], k))
    return first + rest


def _version_key(article: Article) -> tuple[str, str]:
    digest = hashlib.sha256("\n".join(s.text for s in article.sentences).encode()).hexdigest()
    return (digest, article.id)


def align(
    articles: Sequence[Article],
    reference: str | None = None,
    threshold: float | None = None,
    tuning: Tuning | None = None,
) -> Alignment:
    """Align the sentences of several versions of one story.

    Args:
        articles: the versions, in collection order (one is allowed: every sentence is unique;
            a version with no sentences is allowed too).
        reference: id of the article whose order the groups follow (default: the first).
        threshold: minimum 1:1 link score in [0, 1] (default: the engine's tuned value).
        tuning: the engine's weights (default: the tuned ones); `threshold` overrides its own.

    Returns:
        The Alignment.

    Raises:
        KeyError: `reference` names no article.
        ValueError: two articles share an id.
    """
    arts = tuple(articles)
    if not arts:
        return Alignment(reference or "", (), (), ())
    if len({a.id for a in arts}) != len(arts):
        raise ValueError("article ids must be unique")
    ref = reference if reference is not None else arts[0].id
    ref_art = next((a for a in arts if a.id == ref), None)
    if ref_art is None:
        raise KeyError(ref)
    tune = tuning or Tuning()
    if threshold is not None:
        scale = threshold / tune.threshold if tune.threshold else 1.0
        tune = _replace(
            tune,
            threshold=threshold,
            floor=tune.floor * scale,
            contain_score=tune.contain_score * scale,
            gap_threshold=tune.gap_threshold * scale,
        )
    texts = {a.id: [s.text for s in a.sentences] for a in arts}
    norms = {a.id: [normalise(t) for t in texts[a.id]] for a in arts}
    idf = _Idf([t for a in arts for t in norms[a.id]], tune.stem)
    col = _Collation(texts, norms, idf, tune)
    col.headed = {a.id for a in arts if a.title and a.sentences and a.sentences[0].text == a.title}
    ranked = sorted(arts, key=_version_key)
    base = max(ranked, key=lambda a: a.words)  # the fullest version starts the collation
    col.order = [col.new_group(base.id, (i,)) for i in range(len(texts[base.id]))]
    rest = [a.id for a in ranked if a.id != base.id]
    col.done.append(base.id)
    for art_id in rest:
        col.add_version(art_id)
        col.done.append(art_id)
    return _finish(arts, ref, col, [base.id, *rest])


def _replace(tune: Tuning, **changes: float) -> Tuning:
    values = {name: getattr(tune, name) for name in Tuning.__dataclass_fields__}
    values.update(changes)
    return Tuning(**values)


def _reading_order(col: _Collation, ref: str, versions: list[str]) -> list[int]:
    """Groups in the reference's order; each other group (taken version by version, in
    processing order) right after the group of the sentence before it in that version."""
    where: dict[tuple[str, int], int] = {}
    for g, slots in col.slots.items():
        for v, slot in slots.items():
            for i in slot:
                where[(v, i)] = g
    order = list(dict.fromkeys(where[(ref, i)] for i in range(len(col.texts[ref]))))
    placed = set(order)
    for v in versions:
        last: int | None = None
        pending: list[int] = []
        for i in range(len(col.texts[v])):
            g = where[(v, i)]
            if g in placed:
                if pending:
                    at = order.index(g)
                    order[at:at] = pending
                    placed.update(pending)
                    pending = []
                last = g
            elif last is None:
                if g not in pending:
                    pending.append(g)
            else:
                order.insert(order.index(last) + 1, g)
                placed.add(g)
                last = g
        order.extend(pending)
        placed.update(pending)
    return order


def _finish(arts: tuple[Article, ...], ref: str, col: _Collation, versions: list[str]) -> Alignment:
    rank = {a.id: k for k, a in enumerate(arts)}
    groups: list[Group] = []
    for gid in _reading_order(col, ref, versions):
        slots = col.slots[gid]
        versions = sorted(slots, key=lambda v: rank[v])
        members = tuple(SentenceRef(v, i) for v in versions for i in slots[v])
        links = _group_links(col, slots, ref if ref in slots else versions[0], rank)
        groups.append(Group(len(groups), _kind(col, slots, links), members, links))
    return Alignment(ref, arts, tuple(groups), _similarity(arts, col))


def _group_links(
    col: _Collation, slots: dict[str, tuple[int, ...]], pivot: str, rank: dict[str, int]
) -> tuple[Link, ...]:
    if len(slots) < 2:
        return ()
    pivot_feats = [(i, col.feat(pivot, (i,))) for i in slots[pivot]]
    links: list[Link] = []
    for v in sorted(slots, key=lambda v: rank[v]):
        if v == pivot:
            continue
        for i in slots[v]:
            mine = col.feat(v, (i,))
            score, j = max((_pair_score(mine, f, col.idf, col.tune), -j) for j, f in pivot_feats)
            p, q = SentenceRef(pivot, -j), SentenceRef(v, i)
            a, b = (p, q) if rank[pivot] < rank[v] else (q, p)
            links.append(Link(a, b, round(score, 4)))
    return tuple(links)


def _kind(col: _Collation, slots: dict[str, tuple[int, ...]], links: tuple[Link, ...]) -> str:
    if len(slots) < 2:
        return "unique"
    if any(len(s) > 1 for s in slots.values()):
        return "partial"
    norms = {col.feat(v, s).norm for v, s in slots.items()}
    if len(norms) == 1:
        return "identical"
    weights = [col.feat(v, s).weight for v, s in slots.items()]
    if min(weights) < 0.5 * max(weights):
        return "partial"
    return "reworded"


def _pair_score(a: _Feat, b: _Feat, idf: _Idf, tune: Tuning) -> float:
    """The link score of two slots (as _score_many, for one pair)."""
    shared = sum(map(idf.weight.__getitem__, a.stems & b.stems))
    total = a.weight + b.weight
    sym = tune.w_dice * (2 * shared / total if total else 0.0)
    sym += tune.w_ratio * fuzz.ratio(a.content, b.content) / 100.0
    if tune.w_tset:
        sym += tune.w_tset * fuzz.token_set_ratio(a.content, b.content) / 100.0
    if a.numbers & b.numbers:
        sym += tune.number_bonus
    return min(1.0, sym)


def _similarity(arts: tuple[Article, ...], col: _Collation) -> tuple[PairSimilarity, ...]:
    """The matrix: per pair, sentences and words matched in shared groups, mean slot score.

    The mean score of a pair is taken over at most `Tuning.similarity_sample` of their shared
    groups, evenly spread in reading order (all of them for stories of usual length).
    """
    words = {a.id: [len(s.text.split()) for s in a.sentences] for a in arts}
    at = {g: k for k, g in enumerate(col.order)}
    # version -> group -> (sentences, words) of its slot, for groups with 2+ versions
    share: dict[str, dict[int, tuple[int, int]]] = {a.id: {} for a in arts}
    for g in col.order:
        slots = col.slots[g]
        if len(slots) > 1:
            for v, slot in slots.items():
                share[v][g] = (len(slot), sum(words[v][i] for i in slot))
    cap = col.tune.similarity_sample
    out: list[PairSimilarity] = []
    for x, a in enumerate(arts):
        for b in arts[x + 1 :]:
            sa_, sb_ = share[a.id], share[b.id]
            both = sorted(sa_.keys() & sb_.keys(), key=at.__getitem__)
            na, nb = len(words[a.id]), len(words[b.id])
            ta, tb = sum(words[a.id]), sum(words[b.id])
            pick = both if len(both) <= cap else [both[k * len(both) // cap] for k in range(cap)]
            scores = [
                _pair_score(
                    col.feat(a.id, col.slots[g][a.id]),
                    col.feat(b.id, col.slots[g][b.id]),
                    col.idf,
                    col.tune,
                )
                for g in pick
            ]
            out.append(
                PairSimilarity(
                    a.id,
                    b.id,
                    sum(sa_[g][0] for g in both) / na if na else 0.0,
                    sum(sb_[g][0] for g in both) / nb if nb else 0.0,
                    sum(sa_[g][1] for g in both) / ta if ta else 0.0,
                    sum(sb_[g][1] for g in both) / tb if tb else 0.0,
                    sum(scores) / len(scores) if scores else 0.0,
                )
            )
    return tuple(out)
