"""Provides Collation: the groups under construction while versions are aligned one by one.

The steps are described in tui.core.align.aligner. This module holds the state (each
group's slot per version, and the groups' reading order) and the passes for one more
version: candidates, anchors, order adjustment, links, gap and closest-group links, then the
merge into groups.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from operator import itemgetter

from tui.core.align.moves import longest_increasing
from tui.core.align.similarity import Feat, Idf, score_many
from tui.core.align.tuning import Tuning


def _consecutive(xs: Collection[int]) -> bool:
    return max(xs) - min(xs) + 1 == len(xs)


class Collation:
    """Groups under construction: slots per version, and their reading order."""

    def __init__(
        self,
        texts: Mapping[str, Sequence[str]],
        norms: Mapping[str, Sequence[str]],
        idf: Idf,
        tune: Tuning,
    ) -> None:
        self.texts = texts
        self.norms = norms
        self.idf = idf
        self.tune = tune
        self.slots: dict[int, dict[str, tuple[int, ...]]] = {}
        self.order: list[int] = []
        self._feat: dict[tuple[str, tuple[int, ...]], Feat] = {}
        self._next = 0
        self.done: list[str] = []
        """Versions already collated, in processing order."""
        self.headed: set[str] = set()
        """Versions whose sentence 0 is their headline: it never joins a run with the body."""
        self.adding = ""
        """The version being folded in by add_version()."""
        self._sizes: dict[str, tuple[int, int]] = {}

    def feat(self, version: str, slot: tuple[int, ...]) -> Feat:
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
        reps: list[tuple[int, Feat]] = []
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
            for s in sorted(q.stems):
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
                ordered, score_many(q, [reps[r][1] for r in ordered], self.idf, tune), strict=True
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
        self, sent: list[Feat], comps: list[tuple[set[int], set[int]]], pos: dict[int, int]
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
                    scored = score_many(sent[k], [f for _, f in feats], self.idf, tune)
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
        sent: list[Feat],
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
                    scored = score_many(sent[k], [f for _, f in feats], self.idf, tune)
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
    keep = longest_increasing([pos[g] for _, g in items])
    return {items[k][0]: items[k][1] for k in sorted(keep, reverse=True)}


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
