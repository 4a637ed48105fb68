"""Provides the extract stage: what each sentence states.

Numbers with what they count and what they measure (`Fact.measure`, `measure_of`), dates,
names, quotations and attributions (one module per kind, run together by `extract_facts`),
claims with polarity (`find_claims`) and descriptions of one thing (`find_descriptions`),
plus the shared text vocabulary (tokens, number words, spelling variants) the later stages
compare with. It uses only `load`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.extract.claims import (
        Claim,
        find_claims,
        may_assert,
    )
    from tui.core.extract.dates import (
        DateMention,
        find_dates,
        overlaps,
    )
    from tui.core.extract.descriptions import (
        Description,
        find_descriptions,
    )
    from tui.core.extract.fact import (
        FACT_KINDS,
        Fact,
        source_offsets,
    )
    from tui.core.extract.facts import (
        extract_facts,
    )
    from tui.core.extract.normalize import (
        canonical,
        fold_style,
        name_key,
        parse_number,
        tokenize,
    )
    from tui.core.extract.quantities import (
        measure_of,
    )

_HOMES = {
    "Claim": "claims",
    "find_claims": "claims",
    "may_assert": "claims",
    "Description": "descriptions",
    "find_descriptions": "descriptions",
    "measure_of": "quantities",
    "DateMention": "dates",
    "find_dates": "dates",
    "overlaps": "dates",
    "FACT_KINDS": "fact",
    "Fact": "fact",
    "source_offsets": "fact",
    "extract_facts": "facts",
    "canonical": "normalize",
    "fold_style": "normalize",
    "name_key": "normalize",
    "parse_number": "normalize",
    "tokenize": "normalize",
}

__all__ = [
    "FACT_KINDS",
    "Claim",
    "DateMention",
    "Description",
    "Fact",
    "canonical",
    "extract_facts",
    "find_claims",
    "find_dates",
    "find_descriptions",
    "fold_style",
    "may_assert",
    "measure_of",
    "name_key",
    "overlaps",
    "parse_number",
    "source_offsets",
    "tokenize",
]


__getattr__ = lazy_exports(__name__, _HOMES)
