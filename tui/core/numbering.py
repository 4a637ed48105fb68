"""Provides the one numbering a person reads: sentences and groups count from 1.

The JSON documents keep their 0-based `index`, `id` and `sentence` fields (and
`notes --add --sentence` takes that index); everything printed for a reader (the CLI's text
output, the Markdown and HTML reports, the app) goes through these helpers, so "s14 of 000" or
"group 5" names the same passage in every view.
"""

from __future__ import annotations

from collections.abc import Sequence


def shown(index: int) -> int:
    """The number a person reads for a 0-based index."""
    return index + 1


def sentence_label(sentences: Sequence[int]) -> str:
    """ "s3", or "s3+4" for a run, from 0-based sentence indices ("" for none)."""
    return "s" + "+".join(str(shown(i)) for i in sentences) if sentences else ""


def group_label(group: int) -> str:
    """A group's number as a reader sees it: "5" for group id 4."""
    return str(shown(group))


def place_label(sentences: Sequence[int], total: int) -> str:
    """Where a passage stands in its article: "s9 of 10", "s3+4 of 15" (counted from 1)."""
    return f"{sentence_label(sentences)} of {total}" if sentences else ""
