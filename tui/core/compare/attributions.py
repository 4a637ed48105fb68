"""Provides group_attributions(): the rule for who a statement is attributed to, inside one
aligned group.
"""

from __future__ import annotations

from tui.core.compare.discrepancy import Draft, Slots


def group_attributions(gid: int, slots: Slots, pos: tuple[int, int, int]) -> list[Draft]:
    atts = {a: [x for x in slots[a] if x[0].kind == "attribution"] for a in slots}
    named = {a: xs for a, xs in atts.items() if xs and all(x[1].subject for x in xs)}
    if len(named) < 2:
        return []
    keys = {a: {w for x in xs for w in x[0].value.split() if w != "via"} for a, xs in named.items()}
    arts = list(named)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if keys[a] & keys[b]:
                return []
    return [
        Draft(
            "attribution",
            "variant",
            "attributed to different sources: "
            + " vs ".join(", ".join(x[1].subject for x in named[a]) for a in arts),
            [(x[0], a) for a in arts for x in named[a]],
            gid,
            pos,
        )
    ]
