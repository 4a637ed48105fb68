"""Provides decode_text(): raw file bytes to text, with the encoding used and any warning.

Order of attempts: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides; else NUL
bytes mean a binary file; else strict UTF-8; else a charset declared in an HTML/XML head;
else a legacy single-byte code page chosen by `guess_single_byte()` (cp1251 for Cyrillic,
cp1252 for Western European), with a warning. Text full of control characters is binary.
Line ends (CRLF, CR) are normalised to LF.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from tui.core.errors import BinaryInput, EmptyInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_RATIO = 0.005
"""More control characters than this share of the text (tab, LF, CR, FF excepted) = binary."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded file text."""

    text: str
    """The text, BOM removed, line ends normalised to \\n."""
    encoding: str
    """Python codec name used."""
    warning: str = ""
    """Non-empty when the encoding was guessed (not UTF-8/UTF-16 with a mark)."""


def guess_single_byte(raw: bytes) -> str:
    """Choose cp1251 (Cyrillic) or cp1252 (Western European) for non-UTF-8 bytes.

    Cyrillic text in cp1251 puts nearly every letter in the 0xC0-0xFF range, so its bytes come
    in runs of three or more (whole words). Western text in cp1252 has accented letters alone
    or in pairs among ASCII letters ("café", "Müller"), and typographic punctuation 0x91-0x97.
    The rule: cp1251 when at least half of the high letter bytes (0xC0-0xFF, 0xA8, 0xB8) stand
    in runs of three or more, else cp1252.

    Args:
        raw: the bytes (not valid UTF-8).

    Returns:
        "cp1251" or "cp1252".
    """
    total = in_runs = run = 0

    def flush(n: int) -> int:
        return n if n >= 3 else 0

    for byte in raw:
        if byte >= 0xC0 or byte in (0xA8, 0xB8):
            total += 1
            run += 1
        else:
            in_runs += flush(run)
            run = 0
    in_runs += flush(run)
    if total and in_runs * 2 >= total:
        return "cp1251"
    return "cp1252"


def _declared(raw: bytes) -> str | None:
    head = raw[:4096]
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _check_control(text: str, path: str) -> None:
    bad = len(_CONTROL.findall(text))
    if bad and bad > max(1, len(text) * MAX_CONTROL_RATIO):
        raise BinaryInput(path, f"binary file ({bad} control characters)")


def _normalise(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_text(raw: bytes, path: str) -> Decoded:
    """Decode file bytes.

    Args:
        raw: the file content.
        path: the file, for error messages.

    Returns:
        The Decoded text.

    Raises:
        EmptyInput: no bytes, or only whitespace.
        BinaryInput: NUL bytes, bytes no supported encoding decodes, or control characters.
    """
    if not raw:
        raise EmptyInput(path, "empty file")
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                at = len(bom) + exc.start
                raise BinaryInput(
                    path, f"not {codec.upper()} (byte 0x{raw[at]:02x} at {at})"
                ) from exc
            return _finish(Decoded(_normalise(text), codec), path)
    if b"\x00" in raw:
        raise BinaryInput(path, f"binary file (NUL byte at {raw.index(0)})")
    try:
        return _finish(Decoded(_normalise(raw.decode("utf-8")), "utf-8"), path)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _declared(raw)
    candidates = [c for c in (declared, guess_single_byte(raw)) if c and c != "utf-8"]
    for other in ("cp1252", "cp1251"):
        if other not in candidates:
            candidates.append(other)
    for codec in candidates:
        try:
            text = raw.decode(codec)
        except (UnicodeError, LookupError):  # UnicodeError: a declared "undefined" codec
            continue
        how = "declared" if codec == declared else "guessed"
        warning = (
            f"not UTF-8 (byte 0x{raw[first_bad]:02x} at {first_bad}); decoded as {codec} ({how})"
        )
        return _finish(Decoded(_normalise(text), codec, warning), path)
    raise BinaryInput(path, f"not UTF-8 (byte 0x{raw[first_bad]:02x} at {first_bad})")


def _finish(decoded: Decoded, path: str) -> Decoded:
    if not decoded.text.strip():
        raise EmptyInput(path, "only whitespace")
    _check_control(decoded.text, path)
    return decoded
