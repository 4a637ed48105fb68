"""Provides the load stage: bytes on disk to `Article`s.

It owns decoding (encodings, BOMs, mojibake), HTML extraction, page junk (bylines, share
buttons, related links), inline markup, control characters and terminal escapes (sanitize),
sentence splitting with a bound on sentence length, the `Article` and `Sentence` values, and
loading a collection of versions from paths, folders or stdin. It imports no other stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.load.article import (
        DEFAULT_MAX_BYTES,
        Article,
        Junk,
        Sentence,
        article_id_from_name,
    )
    from tui.core.load.articles import (
        article_from_bytes,
        load_article,
        read_file,
    )
    from tui.core.load.bounds import (
        CHARS_PER_SENTENCE,
        FREE_SENTENCES,
        MAX_SENTENCE_CHARS,
        bound_spans,
        sentence_limit,
    )
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
    from tui.core.load.parse import (
        article_from_text,
    )
    from tui.core.load.sanitize import (
        clean_article,
        clean_text,
    )
    from tui.core.load.segment import (
        Span,
        split_sentences,
    )

_HOMES = {
    "DEFAULT_MAX_BYTES": "article",
    "Article": "article",
    "Junk": "article",
    "Sentence": "article",
    "article_id_from_name": "article",
    "article_from_bytes": "articles",
    "load_article": "articles",
    "read_file": "articles",
    "CHARS_PER_SENTENCE": "bounds",
    "FREE_SENTENCES": "bounds",
    "MAX_SENTENCE_CHARS": "bounds",
    "sentence_limit": "bounds",
    "bound_spans": "bounds",
    "Collection": "collection",
    "load_collection": "collection",
    "Decoded": "decode",
    "decode_text": "decode",
    "HtmlText": "html",
    "html_to_text": "html",
    "article_from_text": "parse",
    "clean_article": "sanitize",
    "clean_text": "sanitize",
    "Span": "segment",
    "split_sentences": "segment",
}

__all__ = [
    "CHARS_PER_SENTENCE",
    "DEFAULT_MAX_BYTES",
    "FREE_SENTENCES",
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
    "sentence_limit",
    "split_sentences",
]


__getattr__ = lazy_exports(__name__, _HOMES)
