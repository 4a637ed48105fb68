"""Provides find_date_facts(): the dates a sentence states, resolved against the article's date
where they are relative ("on Tuesday").
"""

from __future__ import annotations

from tui.core.extract.dates import find_dates
from tui.core.extract.fact import Found
from tui.core.extract.numbers import clause_words, event_of


def find_date_facts(text: str, article_date: str | None) -> list[Found]:
    out: list[Found] = []
    for d in find_dates(text, article_date):
        event, verb, context = event_of(text, d.start, d.end)
        out.append(
            Found(
                "date",
                d.start,
                d.end,
                d.text,
                d.value,
                subject=f"{verb}: {' '.join(sorted(context))}" if event else "",
                resolved=d.resolved,
                when=d,
                event=event,
                verb=verb,
                context=context,
                around=clause_words(text, d.start, d.end),
            )
        )
    return out
