"""Provides the load stage: bytes on disk to `Article`s.

It owns decoding (encodings, BOMs, mojibake), HTML extraction, page junk (bylines,
share buttons, related links), sentence splitting, the `Article` and `Sentence` values,
and loading a collection of versions from paths, folders or stdin. It imports no other
stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.load.articles import (
        Article,
        Junk,
        Sentence,
        article_from_bytes,
        article_from_text,
        article_id_from_name,
        load_article,
        read_file,
    )
    from tui.core.load.bounds import MAX_SENTENCE_CHARS, bound_spans
    from tui.core.load.collection import (
        Collection,
        load_collection,
    )
    from tui.core.load.decode import (
        Decoded,
        decode_text,
    )
    from tui.core.load.html import (
        HtmlText,
        html_to_text,
    )
    from tui.core.load.sanitize import clean_article, clean_text
    from tui.core.load.segment import (
        Span,
        split_sentences,
    )

_HOMES = {
    "Article": "articles",
    "Junk": "articles",
    "Sentence": "articles",
    "article_from_bytes": "articles",
    "article_from_text": "articles",
    "article_id_from_name": "articles",
    "load_article": "articles",
    "read_file": "articles",
    "Collection": "collection",
    "load_collection": "collection",
    "Decoded": "decode",
    "decode_text": "decode",
    "HtmlText": "html",
    "html_to_text": "html",
    "Span": "segment",
    "split_sentences": "segment",
    "MAX_SENTENCE_CHARS": "bounds",
    "bound_spans": "bounds",
    "clean_article": "sanitize",
    "clean_text": "sanitize",
}

__all__ = [
    "MAX_SENTENCE_CHARS",
    "Article",
    "Collection",
    "Decoded",
    "HtmlText",
    "Junk",
    "Sentence",
    "Span",
    "article_from_bytes",
    "article_from_text",
    "article_id_from_name",
    "bound_spans",
    "clean_article",
    "clean_text",
    "decode_text",
    "html_to_text",
    "load_article",
    "load_collection",
    "read_file",
    "split_sentences",
]


def __getattr__(name: str) -> Any:
    """Imports a public name from its module on first use, so importing the stage is free."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
