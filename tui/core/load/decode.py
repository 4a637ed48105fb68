"""Provides decode_text(): raw file bytes to text, with the encoding used and any warning.

Order of attempts: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides; else NUL
bytes mean a binary file, unless they fall on one side of every code unit and
charset-normalizer agrees it is UTF-16 without a mark; else strict UTF-8; else a charset
declared in an HTML/XML head; else the encoding `guess_encoding()` (charset-normalizer, with
tie rules) finds, reported as a warning; none fits = an undecodable file. Text full of control
characters is binary.
Line ends (CRLF, CR) are normalised to LF.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.errors import BinaryInput, EmptyInput

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_C1_BYTE = re.compile(rb"[\x80-\x9f]")
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


COMMON_ENCODINGS = (
    "cp1252",
    "iso8859_1",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
    "iso8859_15",
    "cp932",
    "shift_jis",
    "euc_jp",
    "gb18030",
    "big5",
    "cp949",
    "euc_kr",
    "cp1256",
    "iso8859_9",
    "cp1254",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "cp1257",
    "iso8859_13",
    "koi8_u",
    "utf_16_le",
    "utf_16_be",
    "utf_32_le",
    "utf_32_be",
)
"""Encodings in wide use, most common first: they win the detector's ties (see guess_encoding)."""
SAMPLE_BYTES = 65536
"""The detector reads this much of a file: the same guess for a 60 KB and a 5 MB file (on
the whole of a large file charset-normalizer samples 512-byte chunks, and its guess for the
same text varies with the file's length)."""
_LOOSE_CHAOS = 0.5
_NEAR_CHAOS = 0.01
_NEAR_COHERENCE = 0.1


def guess_encoding(raw: bytes) -> str | None:
    """The encoding charset-normalizer finds for bytes that are not UTF-8, or None.

    charset-normalizer scores each code page by "chaos" (how mangled the decoded text looks)
    and "coherence" (how well its letter frequencies fit a language). On news text it is right
    from a few sentences on, but several code pages often score alike, and its order among
    them is then arbitrary: Polish in ISO-8859-2 comes out as ISO-8859-14 (same score, wrong
    letters). Rules on top:

    1. a rarely used code page (not in COMMON_ENCODINGS) gives way to a common one that scores
       nearly as well (chaos within 0.01, coherence within 0.1);
    2. among exact ties the more common code page wins, and of the code pages that give the
       very same text the most common is named: French "Café crème" is cp1252, not cp1250's
       "Café crčme" (same score); the price is that a short Czech cp1250 text whose letters
       all read as plausible cp1252 is read as cp1252 (the closing note has the lengths);
    3. windows-1250 and ISO-8859-2 differ mostly in 0x80-0x9F: with no byte there, ISO-8859-2
       wins when it scores nearly as well.

    Args:
        raw: the bytes (not valid UTF-8, or UTF-16/32 without a byte-order mark).

    Returns:
        A Python codec name, or None when no text encoding fits.
    """
    from charset_normalizer import from_bytes  # lazy: UTF-8 files never pay for it

    sample = _sample(raw)
    # a sample that fails the default 0.2 chaos limit everywhere gets a second, looser try:
    # text decoded with the wrong code page fails the strict decode or the control check later
    matches = list(from_bytes(sample)) or list(from_bytes(sample, threshold=_LOOSE_CHAOS))
    if not matches:
        return None
    rank = {name: i for i, name in enumerate(COMMON_ENCODINGS)}

    def name(match: CharsetMatch) -> str:
        """The most common of the code pages that give this same text."""
        aliases = [c for c in match.could_be_from_charset if c in rank] or [match.encoding]
        return min(aliases, key=lambda c: rank.get(c, len(rank)))

    best = matches[0]
    near = [
        m
        for m in matches
        if m.chaos <= best.chaos + _NEAR_CHAOS and m.coherence >= best.coherence - _NEAR_COHERENCE
    ]
    common = [m for m in near if name(m) in rank]
    if name(best) not in rank and common:
        best = common[0]
    exact = [m for m in common if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if exact:
        best = min(exact, key=lambda m: rank[name(m)])
    chosen = name(best)
    no_c1 = _C1_BYTE.search(raw) is None
    if chosen == "cp1250" and no_c1 and any("iso8859_2" in m.could_be_from_charset for m in near):
        chosen = "iso8859_2"
    return chosen


def _sample(raw: bytes) -> bytes:
    """The first SAMPLE_BYTES, cut after a line end (even-sized for UTF-16/32)."""
    if len(raw) <= SAMPLE_BYTES:
        return raw
    if b"\x00" in raw[:SAMPLE_BYTES]:
        return raw[:SAMPLE_BYTES]
    cut = raw.rfind(b"\n", 0, SAMPLE_BYTES) + 1
    return raw[: cut or SAMPLE_BYTES]


def _wide_without_bom(raw: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark: NUL bytes all on one side of each code unit."""
    if len(raw) % 2:
        return None
    if b"\x00" not in raw[0::2]:
        codec = "utf_16_le"
    elif b"\x00" not in raw[1::2]:
        codec = "utf_16_be"
    else:
        return None
    return codec if guess_encoding(raw) == codec else None


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
        wide = _wide_without_bom(raw)
        if wide is None:
            raise BinaryInput(path, f"binary file (NUL byte at {raw.index(0)})")
        text = raw.decode(wide)
        warning = f"no byte-order mark; decoded as {wide} (guessed)"
        return _finish(Decoded(_normalise(text), wide, warning), path)
    try:
        return _finish(Decoded(_normalise(raw.decode("utf-8")), "utf-8"), path)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    not_utf8 = f"not UTF-8 (byte 0x{raw[first_bad]:02x} at {first_bad})"
    declared = _declared(raw)
    if declared and declared != "utf-8":
        try:
            text = raw.decode(declared)
        except (UnicodeError, LookupError):  # UnicodeError: a declared "undefined" codec
            pass
        else:
            warning = f"{not_utf8}; decoded as {declared} (declared)"
            return _finish(Decoded(_normalise(text), declared, warning), path)
    guessed = guess_encoding(raw)
    if guessed is None:
        raise BinaryInput(path, f"{not_utf8}; no text encoding fits")
    try:  # the detector decodes only samples of very large files
        text = raw.decode(guessed)
    except (UnicodeError, LookupError) as exc:
        raise BinaryInput(path, f"{not_utf8}; no text encoding fits") from exc
    warning = f"{not_utf8}; decoded as {guessed} (guessed)"
    return _finish(Decoded(_normalise(text), guessed, warning), path)


def _finish(decoded: Decoded, path: str) -> Decoded:
    if not decoded.text.strip():
        raise EmptyInput(path, "only whitespace")
    _check_control(decoded.text, path)
    return decoded
