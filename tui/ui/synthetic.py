"""Provides synthetic_analysis(): a made-up Analysis of any size, for benchmarks and UI tests.

It builds the core dataclasses directly (no alignment is computed), with a fixed pattern of
row kinds so tests know where every kind of row is: for group g (0-based), g % 7 gives
0 identical, 1 reworded (substantive + trivial), 2 unique to the reference, 3 unique to the
second version, 4 split (one reference sentence = two sentences of the other), 5 reworded
with a conflicting number, 6 identical.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Sequence

from tui.core.align.aligner import Alignment, Group, Link, PairSimilarity, SentenceRef
from tui.core.analysis import Analysis
from tui.core.compare.diff import Op
from tui.core.compare.discrepancy import Discrepancy, Variant
from tui.core.load.article import Article, Sentence

Analyzer = Callable[[Sequence[Article], str | None, float | None], Analysis]
"""The signature of analyze() as the app calls it."""

PATTERN = (
    "identical",
    "reworded",
    "unique-left",
    "unique-right",
    "split",
    "conflict",
    "identical",
)
"""What group g is, by g % 7 (for the pair: first version | second version)."""

_WORDS = (
    "officials",
    "said",
    "the",
    "agreement",
    "would",
    "be",
    "signed",
    "after",
    "talks",
    "in",
    "the",
    "capital",
    "on",
    "Tuesday",
    "while",
    "ministers",
    "from",
    "both",
    "countries",
    "met",
    "delegates",
    "near",
    "the",
    "border",
    "region",
    "to",
    "discuss",
    "reconstruction",
    "workers",
    "sappers",
    "memorial",
    "museum",
    "rail",
    "service",
    "troops",
    "incursion",
    "support",
)


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


class _Builder:
    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = list(ids)
        self.sentences: dict[str, list[str]] = {i: [] for i in ids}

    def add(self, article: str, text: str) -> int:
        self.sentences[article].append(text)
        return len(self.sentences[article]) - 1


def synthetic_analysis(groups: int = 70, versions: int = 3, seed: int = 7) -> Analysis:
    """A made-up analysis with `groups` groups over `versions` versions (ids v0, v1, ...).

    Args:
        groups: number of groups.
        versions: number of versions (at least 1).
        seed: random seed for the words.

    Returns:
        The Analysis (reference: v0).
    """
    rng = random.Random(seed)
    ids = [f"v{i}" for i in range(versions)]
    b = _Builder(ids)
    group_list: list[Group] = []
    diffs: dict[tuple[int, str], tuple[Op, ...]] = {}
    discrepancies: list[Discrepancy] = []
    ref = ids[0]
    others = ids[1:]
    for g in range(groups):
        kind = PATTERN[g % len(PATTERN)] if others else "unique-left"
        base = _sentence(rng, rng.randint(8, 40))
        members: list[SentenceRef] = []
        links: list[Link] = []
        if kind == "unique-right":
            i = b.add(others[0], base)
            group_list.append(Group(g, "unique", (SentenceRef(others[0], i),)))
            continue
        r = b.add(ref, base)
        head = SentenceRef(ref, r)
        members.append(head)
        if kind == "unique-left":
            group_list.append(Group(g, "unique", (head,)))
            continue
        for other in others:
            if kind in ("identical",):
                ops: tuple[Op, ...] = (Op("equal", base),)
                refs = [b.add(other, base)]
            elif kind == "split":
                cut = base.split(" ")
                half = max(1, len(cut) // 2)
                first, second = " ".join(cut[:half]) + ".", " ".join(cut[half:])
                refs = [b.add(other, first), b.add(other, second.capitalize())]
                ops = (
                    Op("equal", " ".join(cut[:half])),
                    Op("insert", ".", "trivial", None),
                    Op("equal", " "),
                    Op("delete", cut[half] if half < len(cut) else "", "trivial", None),
                    Op("insert", second.capitalize().split(" ")[0], "trivial", None),
                    Op("equal", " " + " ".join(cut[half + 1 :])),
                )
            else:
                words = base.rstrip(".").split(" ")
                pos = len(words) // 2
                old = words[pos]
                new = "5,000" if kind == "conflict" else "allegedly"
                if kind == "conflict":
                    old = "6,000"
                    words[pos] = old
                    base_c = " ".join(words) + "."
                    # the reference sentence states 6,000: rewrite it
                    b.sentences[ref][r] = base_c
                before, after = " ".join(words[:pos]) + " ", " " + " ".join(words[pos + 1 :]) + "."
                text = before + new + after.replace(".", "!")
                refs = [b.add(other, text)]
                ops = (
                    Op("equal", before),
                    Op("delete", old, "substantive", "number" if kind == "conflict" else "other"),
                    Op("insert", new, "substantive", "number" if kind == "conflict" else "hedge"),
                    Op("equal", after[:-1]),
                    Op("delete", ".", "trivial"),
                    Op("insert", "!", "trivial"),
                )
            diffs[(g, other)] = ops
            for i in refs:
                ref_i = SentenceRef(other, i)
                members.append(ref_i)
                links.append(Link(head, ref_i, 1.0 if kind == "identical" else 0.8))
        gkind = {"identical": "identical", "split": "reworded"}.get(kind, "reworded")
        group_list.append(Group(g, gkind, tuple(members), tuple(links)))
        if kind == "conflict" and others:
            variants = (
                Variant(ref, r, None, None, "6,000", "6000"),
                *(
                    Variant(o, members[1 + k].sentence, None, None, "5,000", "5000")
                    for k, o in enumerate(others)
                ),
            )
            discrepancies.append(
                Discrepancy(
                    f"d{len(discrepancies) + 1}",
                    "number",
                    "conflict",
                    "6,000 vs 5,000 workers",
                    variants,
                    g,
                )
            )
    articles = []
    for aid in ids:
        texts = b.sentences[aid]
        sentences, pos = [], 0
        for n, t in enumerate(texts):
            sentences.append(Sentence(n, t, pos, pos + len(t), n))
            pos += len(t) + 2
        articles.append(
            Article(
                id=aid,
                path=f"{aid}.txt",
                source="\n\n".join(texts),
                sentences=tuple(sentences),
                paragraphs=tuple((n,) for n in range(len(texts))),
                title=f"Synthetic version {aid}",
                outlet=f"Outlet {aid.upper()}",
                date="2025-06-17",
            )
        )
    sims = tuple(
        PairSimilarity(a, c, 0.75, 0.7, 0.74, 0.69, 0.85)
        for n, a in enumerate(ids)
        for c in ids[n + 1 :]
    )
    alignment = Alignment(ref, tuple(articles), tuple(group_list), sims)
    return Analysis(alignment, diffs, (), tuple(discrepancies))


def fixed_analyzer(analysis: Analysis) -> Analyzer:
    """An analyzer for the app that returns `analysis` (re-referenced when asked).

    A new reference only changes `alignment.reference` and drops the diffs (the rows then fall
    back to comparing slot texts): enough for UI tests, not a real re-analysis.
    """

    def analyzer(
        articles: Sequence[Article], reference: str | None = None, threshold: float | None = None
    ) -> Analysis:
        if reference is None or reference == analysis.reference:
            return analysis
        alignment = dataclasses.replace(analysis.alignment, reference=reference)
        return dataclasses.replace(analysis, alignment=alignment, diffs={})

    return analyzer
