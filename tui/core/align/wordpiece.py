"""Provides bert_words() and WordPiece: BERT's uncased tokenizer, for the semantic models.

The normaliser and pre-tokeniser of BERT uncased (lowercase, accents stripped, control
characters dropped, punctuation and CJK ideographs split off) and greedy longest-match
WordPiece over a vocabulary. Token for token the same as the `tokenizers` library's
BertNormalizer + BertPreTokenizer + WordPiece on news-dev and the seeds, without the
dependency.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

_MAX_WORD_CHARS = 100
"""BERT's WordPiece gives up (unknown token) on longer words."""


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B81F
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


_ASCII_PIECE = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
"""For ASCII text: BERT's pieces are runs of letters and digits, and every other visible char."""
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def bert_words(text: str) -> list[str]:
    """BERT's uncased normaliser and pre-tokeniser: lowercase words and single punctuation marks.

    Args:
        text: any text.

    Returns:
        The pieces WordPiece splits further: accents stripped, control characters dropped,
        each punctuation mark and each CJK ideograph a piece of its own.
    """
    if text.isascii():
        return _ASCII_PIECE.findall(_ASCII_CONTROL.sub("", text.lower()))
    out: list[str] = []
    word: list[str] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        code = ord(char)
        cat = unicodedata.category(char)
        if char.isspace() or cat == "Zs":
            if word:
                out.append("".join(word))
                word = []
        elif code == 0 or code == 0xFFFD or cat in ("Cc", "Cf", "Mn"):
            continue
        elif _is_punctuation(char) or _is_cjk(code):
            if word:
                out.append("".join(word))
                word = []
            out.append(char)
        else:
            word.append(char)
    if word:
        out.append("".join(word))
    return out


class WordPiece:
    """Greedy longest-match WordPiece over a fixed vocabulary (BERT's, "##" continues a word)."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self._ids = {token: i for i, token in enumerate(vocab)}
        self._word_ids = functools.lru_cache(maxsize=65536)(self._split)

    def _split(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD_CHARS:
            return ()
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self._ids.get(piece)
                if found is not None:
                    ids.append(found)
                    break
                end -= 1
            else:
                return ()  # the whole word is unknown: model2vec drops [UNK]
            start = end
        return tuple(ids)

    def ids(self, text: str) -> list[int]:
        """The token ids of a text, unknown words left out."""
        return [i for word in bert_words(text) for i in self._word_ids(word)]
