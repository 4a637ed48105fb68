"""Provides find_date_facts(): the dates a sentence states, resolved against the article's date
where they are relative ("on Tuesday").
"""

from __future__ import annotations

from tui.core.extract.dates import find_dates
from tui.core.extract.fact import Found, words_with_spans
from tui.core.extract.numbers import clause_words, event_of


def find_date_facts(text: str, article_date: str | None) -> list[Found]:
    out: list[Found] = []
    mentions = find_dates(text, article_date)
    tokens = words_with_spans(text) if len(mentions) > 2 else None
    for d in mentions:
        event, verb, context = event_of(text, d.start, d.end, tokens)
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
