"""Provides group_quotes(): the rule for quotations inside one aligned group."""

from __future__ import annotations

from tui.core.compare.discrepancy import Draft, Slots
from tui.core.extract.fact import Fact


def group_quotes(gid: int, slots: Slots, pos: tuple[int, int, int]) -> list[Draft]:
    """Versions of the same quotation worded differently (or given to different speakers)."""
    from rapidfuzz import fuzz  # here: unpickling facts (the app) needs no rapidfuzz

    quotes = [(a, x) for a in slots for x in slots[a] if x[0].kind == "quote"]
    candidates: list[tuple[float, int, int]] = []
    for i, (a, fa) in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b, fb = quotes[j]
            if a == b or len(fa[0].value.split()) < 3 or len(fb[0].value.split()) < 3:
                continue
            score = fuzz.token_set_ratio(fa[0].value, fb[0].value)
            if score >= 60:
                candidates.append((score, i, j))
    cluster: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        ci, cj = cluster.get(i), cluster.get(j)
        if ci is None and cj is None:
            cluster[i] = cluster[j] = i
            members[i] = [i, j]
        elif ci is not None and cj is None:
            if all(quotes[k][0] != quotes[j][0] for k in members[ci]):
                cluster[j] = ci
                members[ci].append(j)
        elif (
            cj is not None and ci is None and all(quotes[k][0] != quotes[i][0] for k in members[cj])
        ):
            cluster[i] = cj
            members[cj].append(i)
    drafts: list[Draft] = []
    for ks in members.values():
        facts = [quotes[k][1] for k in sorted(ks)]
        if len({f[0].value for f in facts}) < 2:
            continue
        variants: list[tuple[Fact | None, str]] = [(f[0], f[0].article) for f in facts]
        shown = " vs ".join(dict.fromkeys(_short(f[0].text) for f in facts))
        drafts.append(
            Draft("quote", "variant", f"quotation worded differently: {shown}", variants, gid, pos)
        )
        speakers = {f[1].speaker for f in facts if f[1].speaker}
        if len(speakers) > 1 and not set.intersection(*(set(s.split()) for s in speakers)):
            named = [f for f in facts if f[1].speaker]
            drafts.append(
                Draft(
                    "attribution",
                    "variant",
                    "the same quotation is given to "
                    + " and ".join(dict.fromkeys(f[0].speaker.title() for f in named)),
                    [(f[0], f[0].article) for f in named],
                    gid,
                    pos,
                )
            )
    return drafts


def _short(text: str, width: int = 40) -> str:
    return "“" + (text if len(text) <= width else text[: width - 1].rstrip() + "…") + "”"
