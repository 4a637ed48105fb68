"""Provides extract_facts() and find_discrepancies(): facts per sentence, conflicts across versions.

INTERIM: data model is the contract; extraction and comparison are done by the facts work.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.align import Alignment
from tui.core.articles import Article

FACT_KINDS = ("number", "date", "name", "quote", "attribution")
"""Kinds of extracted facts."""

DISCREPANCY_KINDS = ("number", "date", "name", "quote", "attribution", "hedge")
"""Kinds of discrepancies."""

SEVERITIES = ("conflict", "missing", "variant")
"""Severities, most serious first."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact stated in one sentence."""

    kind: str
    """One of FACT_KINDS."""
    article: str
    """Article id."""
    sentence: int
    """Sentence index."""
    start: int
    """Offset in the article's decoded source text."""
    end: int
    """Offset just past it."""
    text: str
    """The words as written."""
    value: str
    """Normalised value used for comparison ("1000", "2024-06-17", "sergei shoigu")."""


@dataclass(frozen=True, slots=True)
class Variant:
    """How one version states (or drops) a fact."""

    article: str
    """Article id."""
    sentence: int | None
    """Sentence index (None when the version drops it)."""
    start: int | None
    """Offset in the source, or None."""
    end: int | None
    """Offset just past it, or None."""
    text: str
    """The words as written ("" when missing)."""
    value: str
    """Normalised value ("" when missing)."""


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A fact the versions disagree on."""

    id: str
    """Stable id ("d1", "d2"...)."""
    kind: str
    """One of DISCREPANCY_KINDS."""
    severity: str
    """One of SEVERITIES."""
    summary: str
    """One line for a human ("5,000 vs 6,000 military builders")."""
    variants: tuple[Variant, ...]
    """Every version's take, in collection order."""
    group: int | None = None
    """The alignment group it was found in, when within one."""


def extract_facts(article: Article) -> tuple[Fact, ...]:
    """Extract the facts of every sentence of an article (interim: none)."""
    return ()


def find_discrepancies(alignment: Alignment) -> tuple[Discrepancy, ...]:
    """Compare facts across versions (interim: none)."""
    return ()
