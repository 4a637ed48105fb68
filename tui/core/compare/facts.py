"""Provides extract_facts() and find_discrepancies(): facts per sentence, conflicts across versions.

Facts are numbers, dates, names, quotations and attributions, each with offsets into the
article's source text and a normalised value. Discrepancies compare them across versions, inside
an alignment group (the same sentence slot) and across the story (the same one-off event dated
differently in unaligned sentences). Precision comes first: a value is only a `conflict` when the
two statements cannot both be true once wording, formatting, transliteration and relative dates
are accounted for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from tui.core.align.aligner import Alignment, Group
from tui.core.extract.dates import DateMention, find_dates, overlaps
from tui.core.extract.normalize import (
    QUALIFIERS,
    VAGUE,
    canonical,
    fold_style,
    name_key,
    number_re,
    parse_number,
    quote_spans,
)
from tui.core.load.articles import Article, Sentence

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
    subject: str = ""
    """What it is about: the counted noun of a number ("sappers"), the event a date dates
    ("signed: partnership treaty"), the source of an attribution; for a name, a guess at its
    kind: "person", "place", "organisation" or "" when unsure."""
    qualifier: str = ""
    """For numbers: "more than", "at least", "nearly"... ("" when exact)."""
    speaker: str = ""
    """For quotes: who is quoted, when the sentence says so (a name, not a pronoun)."""
    resolved: bool = True
    """For dates: False when a relative date had no article date to resolve against."""


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


# --------------------------------------------------------------------------------------------
# Word lists


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP = _word_set(
    "a an the of to in on at by for from with as and or but if that this these those which who "
    "whom whose what when where while was were is are be been being has have had will would "
    "shall should can could may might must do does did not no than then there their its his her "
    "they them he she it we us our you your i me my so such also into onto over under about "
    "after before during since until against between among through across per via said says "
    "say told including include includes many more most other another some any each both all "
    "up out off down just only very still already now here"
)
"""Words that carry no subject."""

_PLURAL_FREE = frozenset({"people", "personnel", "police", "staff", "children", "men", "women"})

SYNONYMS = {
    "agreement": "treaty",
    "pact": "treaty",
    "accord": "treaty",
    "deal": "treaty",
    "soldiers": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "builders": "workers",
    "labourers": "workers",
    "laborers": "workers",
    "deminers": "sappers",
    "nation": "country",
    "nations": "countries",
}
"""Words folded together when matching subjects and events."""

ONE_OFF_EVENTS = {
    "signed": "sign",
    "sign": "sign",
    "signing": "sign",
    "ratified": "ratify",
    "founded": "found",
    "established": "establish",
    "born": "born",
    "elected": "elect",
    "appointed": "appoint",
    "resigned": "resign",
    "began": "begin",
    "started": "begin",
    "invaded": "invade",
    "annexed": "annex",
    "adopted": "adopt",
    "enacted": "enact",
    "inaugurated": "inaugurate",
}
"""Verbs of events that happen once, so two dates for them cannot both be right (not "died",
"launched" or "concluded": people die, missiles are launched and talks end again and again)."""

NAME_STOP = _word_set(
    "The A An He She It They We I His Her Its Their Our This That These Those In On At By For "
    "From With As After Before During Since Although Though Despite Meanwhile Additionally "
    "Alongside Both Earlier Later Related Original But And Or If When While Where However "
    "Moreover Also One Some Many Most Such Other Another Last Next Every Each Mr Mrs Ms Dr "
    "According "
    "Reports Officials Sources Additionally"
)
"""Capitalised words that do not start a name."""

TITLES = _word_set(
    "President Secretary Chairman Chairwoman Chair Minister Chief Leader Premier Chancellor "
    "General Gen Colonel Col Lieutenant Admiral Ambassador Spokesman Spokeswoman Director "
    "Commander King Queen Prince Princess Pope Senator Sen Rep Governor Mayor Mr Mrs Ms Dr Sir "
    "Lord Secretary-General Envoy Sheikh Emir"
)
"""Titles and roles: split off the person's name."""

TITLE_PREFIXES = _word_set("Defense Defence Foreign Prime Deputy Vice Interior Finance Former")
"""Words that only qualify a title ("Defense Minister"): not names on their own."""

_ADJ_SUFFIX = re.compile(r"-(?:\w+ed|\w+ing|based|backed|led|run|owned|style|born|made)$")

DEMONYMS = _word_set(
    "Russian Ukrainian Korean American British Chinese Japanese European French German Iranian "
    "Israeli Palestinian Syrian Iraqi Afghan Turkish Polish Belarusian Western Eastern Soviet "
    "Arab Indian Pakistani Saudi Egyptian Lebanese Georgian Italian Spanish Canadian Australian "
    "African Asian Latin Russians Ukrainians Koreans Americans"
)
"""Nationality adjectives: not names on their own."""

_MONTH_OR_DAY = _word_set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)

SPEECH = (
    r"(?:said|says|say|stated|states|added|adds|told|tells|noted|explained|announced|declared|"
    r"insisted|wrote|remarked|indicated|mentioned|stressed|emphasized|emphasised|claimed|"
    r"warned|argued|confirmed|conveyed|reported|reports)"
)
"""Speech and reporting verbs."""

HEDGE_WORDS = frozenset(
    {
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "apparently",
        "reputedly",
        "unconfirmed",
        "unverified",
        "potentially",
        "possibly",
        "may",
        "might",
    }
)
"""Hedges whose presence in one version and absence in another is reported."""

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]", re.UNICODE)


# --------------------------------------------------------------------------------------------
# Offsets


def source_offsets(article: Article, sentence: Sentence) -> list[int]:
    """Map every character of `sentence.text` (and its end) to an offset in `article.source`.

    The sentence text may differ from `source[start:end]`: whitespace collapsed, markup or
    junk removed. Characters are matched in order; whitespace matches any whitespace run and
    source characters that are not in the text are skipped.

    Args:
        article: the article.
        sentence: one of its sentences.

    Returns:
        len(sentence.text) + 1 offsets, non-decreasing, within [sentence.start, sentence.end].
    """
    text, src = sentence.text, article.source
    lo, hi = sentence.start, min(sentence.end, len(src))
    if src[lo:hi] == text:
        return list(range(lo, lo + len(text) + 1))
    out: list[int] = []
    j = lo
    for i, ch in enumerate(text):
        if j < hi and src[j] == ch:
            out.append(j)
            j += 1
            continue
        if ch.isspace():
            out.append(j)
            while j < hi and src[j].isspace():
                j += 1
            continue
        probe = text[i : i + 6]
        found = src.find(probe, j, hi)
        if found < 0:
            found = src.find(ch, j, hi)
        if found < 0:
            out.append(j)
            continue
        out.append(found)
        j = found + 1
    out.append(max(j, out[-1] + 1 if out else lo) if j <= hi else hi)
    return out


# --------------------------------------------------------------------------------------------
# Extraction


@dataclass(slots=True)
class _Found:
    """A fact found in a sentence, with what comparison needs (offsets in the sentence text)."""

    kind: str
    start: int
    end: int
    text: str
    value: str
    subject: str = ""
    qualifier: str = ""
    speaker: str = ""
    resolved: bool = True
    lo: float | None = None
    hi: float | None = None
    when: DateMention | None = None
    event: str = ""
    verb: str = ""
    around: frozenset[str] = field(default_factory=frozenset)
    context: frozenset[str] = field(default_factory=frozenset)


def _words_with_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _lemma(word: str) -> str:
    w = word.casefold().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    if w in SYNONYMS:
        return SYNONYMS[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return SYNONYMS.get(w, SYNONYMS.get(w + "s", w))


def _subject_after(text: str, pos: int) -> str:
    """The counted noun after a number ("military construction workers")."""
    words: list[str] = []
    for m in _TOKEN.finditer(text, pos):
        w = m.group(0)
        if not w[0].isalnum():
            break
        lw = w.casefold()
        if lw == "of" and not words:
            continue
        if lw in STOP or w[0].isdigit():
            break
        words.append(w)
        if len(words) == 4:
            break
    if not words:
        return ""
    head = len(words) - 1
    for k in range(len(words) - 1, -1, -1):
        lw = words[k].casefold()
        if (lw.endswith("s") and not lw.endswith("ss")) or lw in _PLURAL_FREE:
            head = k
            break
    return " ".join(words[: head + 1])


def _plural_head(subject: str) -> bool:
    head = subject.split()[-1].casefold() if subject else ""
    return head in _PLURAL_FREE or (head.endswith("s") and not head.endswith("ss"))


def _numbers(text: str, taken: list[tuple[int, int]]) -> list[_Found]:
    out: list[_Found] = []
    for m in number_re().finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        qual = (m.group("qual") or "").casefold()
        lo: float
        hi: float | None
        if m.group("vague"):
            vague = m.group("vague").casefold()
            lo, hi = VAGUE[vague]
            value = vague if vague not in ("a dozen", "a hundred", "a thousand") else str(int(lo))
        else:
            amount = m.group("amount")
            words = amount.casefold().replace("-", " ").split()
            if words == ["one"] and not m.group("upper"):
                continue  # "one of", "one such": a pronoun far more often than a count
            if re.fullmatch(r"\d{1,2}", amount) and text[m.end() : m.end() + 1] in ("-",):
                continue
            n = parse_number(words)
            if n is None:
                continue
            lo = hi = float(n)
            value = str(n)
            upper = m.group("upper")
            if upper:
                u = parse_number(upper.casefold().replace("-", " ").split())
                if u is None or u < n:
                    continue
                hi = float(u)
                value = f"{n}-{u}"
            if m.group("pct"):
                value += "%"
        if qual:
            a, b = QUALIFIERS[qual]
            lo, hi = lo * a, (hi * b if (b is not None and hi is not None) else None)
        subject = "" if m.group("pct") else _subject_after(text, m.end())
        if lo < 10 and not any(c.isdigit() for c in m.group(0)) and not _plural_head(subject):
            continue  # "the two sat down": a pronoun, not a count
        out.append(
            _Found(
                "number",
                m.start(),
                m.end(),
                m.group(0),
                value,
                subject=subject,
                qualifier=qual,
                lo=lo,
                hi=hi,
                around=_clause_words(text, m.start(), m.end() + len(subject) + 1),
            )
        )
    return out


def _event_of(text: str, start: int, end: int) -> tuple[str, str, frozenset[str]]:
    """The one-off event verb near a date and the content words around it."""
    toks = _words_with_spans(text)
    before = [t for t in toks if t[2] <= start]
    after = [t for t in toks if t[1] >= end]
    verb_at: tuple[str, int, int] | None = None
    for t in reversed(before[-10:]):
        if t[0] in ".;:!?":
            break
        if t[0].casefold() in ONE_OFF_EVENTS:
            verb_at = t
            break
    if verb_at is None:
        for t in after[:6]:
            if t[0] in ".;:!?":
                break
            if t[0].casefold() in ONE_OFF_EVENTS:
                verb_at = t
                break
    if verb_at is None:
        return "", "", frozenset()
    idx = toks.index(verb_at)
    window = toks[max(0, idx - 6) : idx] + toks[idx + 1 : idx + 7]
    context = frozenset(
        _lemma(w)
        for w, s, e in window
        if w[0].isalpha()
        and w.casefold() not in STOP
        and not (start <= s and e <= end)
        and w not in _MONTH_OR_DAY
        and w.casefold() not in ("year", "month", "week", "last", "earlier", "later", "two")
    )
    return ONE_OFF_EVENTS[verb_at[0].casefold()], verb_at[0].casefold(), context


def _clause_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content words within the clause of [start, end) (up to 8 words either side)."""
    left = re.split(r"[,;:.!?“”\"«»()]", text[:start])[-1]
    right = re.split(r"[,;:.!?“”\"«»()]", text[end:])[0]
    words = re.findall(r"[^\W\d_]+", left)[-8:] + re.findall(r"[^\W\d_]+", right)[:8]
    return frozenset(_lemma(w) for w in words if w.casefold() not in STOP and len(w) > 2)


def _dates(text: str, article_date: str | None) -> list[_Found]:
    out: list[_Found] = []
    for d in find_dates(text, article_date):
        event, verb, context = _event_of(text, d.start, d.end)
        out.append(
            _Found(
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
                around=_clause_words(text, d.start, d.end),
            )
        )
    return out


def _is_headline(toks: list[tuple[str, int, int]]) -> bool:
    """Title Case text without a final stop (a headline): its capitals say nothing about names."""
    if toks and toks[-1][0] in (".", "!", "?", "”", '"', "»", ":"):
        return False
    words = [t[0] for t in toks if t[0][0].isalpha() and len(t[0]) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _name_parts(run: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Split a run of capitalised words at titles, possessives and acronym prefixes."""
    parts: list[list[tuple[str, int, int]]] = [[]]
    for k, t in enumerate(run):
        w = t[0]
        nxt = run[k + 1][0] if k + 1 < len(run) else ""
        if w.rstrip(".") in TITLES:
            parts.append([])
            continue
        if w.isupper() and len(w) > 1 and nxt and not nxt.isupper():
            parts.append([t])  # "DPRK Kim Jong Un": the acronym stands apart
            parts.append([])
            continue
        parts[-1].append(t)
        if re.search(r"['’]s$", w) and nxt:
            parts.append([])  # "Russia's Kursk": two names
    return parts


def _names(
    text: str, inner_caps: set[str], lower: set[str], taken: list[tuple[int, int]]
) -> list[_Found]:
    toks = _words_with_spans(text)
    if _is_headline(toks):
        return []
    out: list[_Found] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        for part in _name_parts(run):
            while part and (part[-1][0] in ("of", "the", "and") or part[-1][0] in DEMONYMS):
                part.pop()
            while part and part[0][0] in ("of", "the", "and"):
                part.pop(0)
            if not part:
                continue
            s, e = part[0][1], part[-1][2]
            surface = _ADJ_SUFFIX.sub("", re.sub(r"['’]s?$", "", text[s:e]))
            words = surface.split()
            if all(
                w in DEMONYMS or w in TITLE_PREFIXES or w in ("North", "South", "East", "West")
                for w in words
            ):
                continue
            e = s + len(surface)
            if any(ts < e and s < te for ts, te in taken):
                continue
            key = name_key(surface)
            if key:
                out.append(_Found("name", s, e, surface, key))
        run.clear()

    for i, t in enumerate(toks):
        w = t[0]
        is_cap = w[0].isupper() and w not in _MONTH_OR_DAY
        first = i == 0 or (toks[i - 1][0] in "“\"«‘'(—–-:[" and i <= 2)
        if (
            is_cap
            and not run
            and (
                w in NAME_STOP
                or (
                    first
                    and w not in inner_caps
                    and (w.casefold() in lower or re.search(r"(?:ly|ing|ed)$", w) is not None)
                )
            )
        ):
            flush()
        elif is_cap or (
            run and w in ("of", "the") and i + 1 < len(toks) and toks[i + 1][0][:1].isupper()
        ):
            run.append(t)
        else:
            flush()
    flush()
    return out


def _speaker_near(text: str, names: list[_Found], qs: int, qe: int) -> str:
    """Who says a quote at [qs, qe): the named subject of a speech verb nearest to it."""
    best: tuple[int, str] | None = None
    name_alt = [(n.start, n.end, n.value) for n in names if not (qs <= n.start and n.end <= qe)]
    pron = r"(?:he|she|they|it|we|i)"
    for m in re.finditer(
        r"\b(?:cited|quoted|quoting|citing)\s+(?P<c>[^,.;]{1,60}?)\s+as\s+saying", text, re.I
    ):
        for s, e, v in name_alt:
            if m.start("c") <= s and e <= m.end("c"):
                dist = min(abs(m.start() - qe), abs(qs - m.end()))
                if best is None or dist < best[0]:
                    best = (dist - 1000, v)
    for s, e, v in name_alt:
        rest = text[e:]
        lead = text[:s]
        hit = re.match(
            rf"(?:['’]s?)?(?:,[^,]{{1,80}},)?\s+(?:was\s+quoted\s+as\s+saying|{SPEECH})\b", rest
        ) or (re.search(rf"[,\"”»]\s*{SPEECH}\s+$", lead) and re.match(r"\s*(?:[.,;]|$)", text[e:]))
        if hit:
            dist = min(abs(s - qe), abs(qs - e))
            if best is None or dist < best[0]:
                best = (dist, v)
    for m in re.finditer(rf"\b{pron}\s+{SPEECH}\b", text, re.I):
        dist = min(abs(m.start() - qe), abs(qs - m.end()))
        if best is None or dist < best[0]:
            best = (dist, "")
    return best[1] if best else ""


def _quotes(text: str, names: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for s, e in quote_spans(text):
        inner = text[s:e]
        stripped = inner.strip(" ,.")
        if len(stripped.split()) < 2:
            continue
        s2 = s + inner.index(stripped)
        value = canonical(stripped)
        out.append(
            _Found(
                "quote",
                s2,
                s2 + len(stripped),
                stripped,
                value,
                speaker=_speaker_near(text, names, s, e),
            )
        )
    return out


_SOURCE_NOUNS = (
    r"(?:state(?:-run)?\s+media|state\s+television|state\s+news\s+agency|officials?|"
    r"sources?|media|reports?|witnesses|police|the\s+military|the\s+ministry|a\s+spokes\w+)"
)


def _attributions(text: str, names: list[_Found], quotes: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    in_quote = [(q.start, q.end) for q in quotes]

    def outside(s: int, e: int) -> bool:
        return not any(qs <= s and e <= qe for qs, qe in in_quote)

    def add(s: int, e: int, source: str, via: str = "") -> None:
        src = re.sub(r"^(?:the|a|an)\s+", "", source.strip(" ,."), flags=re.I)
        if not src or not outside(s, e):
            return
        value = name_key(src) + (f" via {name_key(via)}" if via else "")
        out.append(_Found("attribution", s, e, text[s:e], value, subject=src))

    for m in re.finditer(
        r"\baccording\s+to\s+(?P<src>[^,.;:“\"«]{2,80}?)(?=[,.;:]|\s+(?:that|which)\b|$)",
        text,
        re.I,
    ):
        add(m.start(), m.end(), m.group("src"))
    for m in re.finditer(
        r"\b(?P<x>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|the\s+[\w\s-]{1,40}?)\s+cited\s+"
        r"(?P<y>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+as\s+saying",
        text,
    ):
        add(m.start(), m.end(), m.group("x"), m.group("y"))
    for m in re.finditer(
        r"\bciting\s+(?P<src>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|" + _SOURCE_NOUNS + ")", text
    ):
        if "cited" in text[max(0, m.start() - 40) : m.start()]:
            continue
        add(m.start(), m.end(), m.group("src"))
    for m in re.finditer(r"\bwas\s+quoted\s+as\s+saying\s+by\s+(?P<src>[^,.;]{2,60})", text):
        add(m.start(), m.end(), m.group("src"))
    for n in names:
        rest = text[n.end :]
        hit = re.match(rf"(?:['’]s?)?\s+(?:{SPEECH})\b", rest)
        if hit and not any(a.start <= n.start < a.end for a in out):
            add(n.start, n.end + hit.end(), n.text)
    for m in re.finditer(rf"\b(?P<src>{_SOURCE_NOUNS})\s+(?:{SPEECH}|described)\b", text, re.I):
        if not any(a.start <= m.start() < a.end for a in out):
            add(m.start(), m.end(), m.group("src"))
    return out


_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|az|ru|ua|uk)\b\S*", re.I)


def _sentence_facts(
    text: str, article_date: str | None, inner_caps: set[str], lower: set[str]
) -> list[_Found]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    dates = [d for d in _dates(text, article_date) if not any(s <= d.start < e for s, e in urls)]
    taken = [(d.start, d.end) for d in dates] + urls
    numbers = _numbers(text, taken)
    names = _names(text, inner_caps, lower, taken)
    quotes = _quotes(text, names)
    attributions = _attributions(text, names, quotes)
    found = [*numbers, *dates, *names, *quotes, *attributions]
    found.sort(key=lambda f: (f.start, FACT_KINDS.index(f.kind)))
    return found


def _inner_caps(article: Article) -> set[str]:
    """Capitalised words that appear capitalised inside a sentence somewhere in the article."""
    out: set[str] = set()
    for s in article.sentences:
        toks = [t[0] for t in _words_with_spans(s.text)]
        if _is_headline([(t, 0, 0) for t in toks]):
            continue
        for k, w in enumerate(toks[1:], 1):
            if w[0].isupper() and toks[k - 1] not in '.!?:“"«':
                out.add(w)
    return out


ORG_WORDS = _word_set(
    "Council Ministry Agency Team Service Services News Times Post Press Party Committee Nations "
    "Union Army Navy Forces Office Bank Fund Court Government Parliament Assembly Commission "
    "Company Corporation Inc Ltd Group Institute University Organization Organisation Department "
    "Bureau Police Guard Guards Congress Senate Cabinet Kremlin Pentagon Reuters AFP TASS "
    "Interfax Xinhua KCNA Monitoring"
)
"""Words that make a name an organisation."""

PLACE_WORDS = _word_set(
    "Region Oblast Province City County Republic Island Islands Sea River Mountains Valley Korea "
    "Gulf Strait Peninsula Bay"
)
"""Words that make a name a place."""

_PLACE_BEFORE = _word_set("in to from at into near across toward towards outside inside via")


def _name_kinds(per_sentence: list[tuple[Sentence, list[_Found]]]) -> None:
    """Set the subject of every name to "person", "place", "organisation" or "" (unsure).

    Organisations by their words (Council, Ministry, Agency...) or as acronyms; people by a
    title before them, a speech verb after them, or a surname seen alone elsewhere; places by
    their words (Region, Republic...) or a preposition before them somewhere in the article.
    """
    names = [
        (sentence.text, f) for sentence, found in per_sentence for f in found if f.kind == "name"
    ]
    singles = {f.value for _, f in names if " " not in f.value}
    people: set[str] = set()
    places: set[str] = set()
    for text, f in names:
        before = re.findall(r"[\w.-]+", text[: f.start])[-1:]
        prev = before[0].rstrip(".") if before else ""
        if (
            prev.capitalize() in TITLES
            or re.match(rf"\s*(?:['’]s)?,?\s+{SPEECH}\b", text[f.end :])
            or (
                2 <= len(f.value.split()) <= 4
                and {f.value.split()[0], f.value.split()[-1]} & singles
                and not any(w in ORG_WORDS or w in PLACE_WORDS for w in f.text.split())
            )
        ):
            people.add(f.value)
        if prev.casefold() in _PLACE_BEFORE:
            places.add(f.value)
    people_words = {w for v in people if " " in v for w in v.split()}
    for _, f in names:
        words = f.text.split()
        if any(w in ORG_WORDS for w in words) or (
            f.text.isupper() and "." not in f.text and len(f.text) > 2 and f.text != "DPRK"
        ):
            f.subject = "organisation"
        elif f.value in people or f.value in people_words:
            f.subject = "person"
        elif (
            any(w in PLACE_WORDS for w in words)
            or f.text in ("U.S.", "U.K.", "DPRK", "US", "UK", "EU")
            or (f.value in places and len(words) <= 2)
        ):
            f.subject = "place"


Memo = dict[tuple[str, str | None, bool, bool], list[_Found]]


def _extract(article: Article, memo: Memo | None = None) -> list[tuple[Fact, _Found]]:
    """The facts of an article with what comparison needs.

    Args:
        article: the article.
        memo: sentence results already computed in this run, shared across the versions of a
            story (which repeat many sentences word for word).
    """
    caps = _inner_caps(article)
    lower = {w for s in article.sentences for w in re.findall(r"\b[a-z][\w’'-]*", s.text)}
    out: list[tuple[Fact, _Found]] = []
    per_sentence: list[tuple[Sentence, list[_Found]]] = []
    for sentence in article.sentences:
        first = re.match(r"\W*(\w+)", sentence.text)
        word = first.group(1) if first else ""
        key = (sentence.text, article.date, word in caps, word.casefold() in lower)
        if memo is None or key not in memo:
            found = _sentence_facts(sentence.text, article.date, caps, lower)
            if memo is not None:
                memo[key] = found
        else:
            found = memo[key]
        # copies: the name kinds set below depend on the whole article
        per_sentence.append((sentence, [replace(f) for f in found]))
    _name_kinds(per_sentence)
    for sentence, found in per_sentence:
        if not found:
            continue
        offsets = source_offsets(article, sentence)
        for f in found:
            start = offsets[f.start]
            end = max(start, offsets[max(f.end - 1, f.start)] + 1) if f.end > f.start else start
            out.append(
                (
                    Fact(
                        f.kind,
                        article.id,
                        sentence.index,
                        start,
                        end,
                        f.text,
                        f.value,
                        subject=f.subject,
                        qualifier=f.qualifier,
                        speaker=f.speaker,
                        resolved=f.resolved,
                    ),
                    f,
                )
            )
    return out


def extract_facts(article: Article) -> tuple[Fact, ...]:
    """Extract the facts of every sentence of an article.

    Args:
        article: the article (its date, when known, resolves relative dates).

    Returns:
        Numbers, dates, names, quotations and attributions, in sentence then text order, with
        offsets into `article.source`.
    """
    return tuple(f for f, _ in _extract(article))


# --------------------------------------------------------------------------------------------
# Discrepancies


@dataclass(slots=True)
class _Draft:
    kind: str
    severity: str
    summary: str
    variants: list[tuple[Fact | None, str]]
    group: int | None
    order: tuple[int, int, int]


def _variant(fact: Fact | None, article: str) -> Variant:
    if fact is None:
        return Variant(article, None, None, None, "", "")
    return Variant(fact.article, fact.sentence, fact.start, fact.end, fact.text, fact.value)


def _num_overlap(a: _Found, b: _Found) -> bool:
    alo, ahi = a.lo or 0.0, a.hi
    blo, bhi = b.lo or 0.0, b.hi
    return (ahi is None or blo <= ahi) and (bhi is None or alo <= bhi)


def _date_overlap(a: _Found, b: _Found) -> bool | None:
    if a.when is None or b.when is None:
        return None
    return overlaps(a.when, b.when)


def _same_subject(a: _Found, b: _Found) -> bool:
    ha = [_lemma(w) for w in a.subject.split()]
    hb = [_lemma(w) for w in b.subject.split()]
    return bool(ha and hb and ha[-1] == hb[-1])


def _surface(f: Fact) -> str:
    return fold_style(f.text).casefold()


def _describe(facts: Iterable[Fact]) -> str:
    seen: dict[str, None] = {}
    for f in facts:
        seen.setdefault(f.text, None)
    return " vs ".join(f"“{t}”" for t in seen)


def find_discrepancies(alignment: Alignment) -> tuple[Discrepancy, ...]:
    """Compare facts across versions.

    Within each group: numbers and dates stated for the same thing (conflict when they cannot
    both hold, variant when the same value is worded differently, missing when a version names
    the counted thing without its number), quotations worded differently, hedges present in
    one version only, and attributions to different sources. Across the story: one-off events
    (signed, founded, began...) dated differently, and names spelled differently.

    Args:
        alignment: the aligned versions.

    Returns:
        Discrepancies, conflicts first, then missing, then variants; ids "d1", "d2"... follow
        that order.
    """
    return check_facts(alignment)[1]


def check_facts(alignment: Alignment) -> tuple[tuple[Fact, ...], tuple[Discrepancy, ...]]:
    """The facts of every version and the discrepancies between them, from one extraction.

    Returns:
        (facts in collection then sentence order, as extract_facts() gives them per article;
        discrepancies as find_discrepancies() gives them).
    """
    order = {a.id: n for n, a in enumerate(alignment.articles)}
    facts: list[Fact] = []
    per_sentence: dict[tuple[str, int], list[tuple[Fact, _Found]]] = {}
    memo: Memo = {}
    for article in alignment.articles:
        for fact, found in _extract(article, memo):
            facts.append(fact)
            per_sentence.setdefault((article.id, fact.sentence), []).append((fact, found))
    numbers: dict[str, list[_Found]] = {a.id: [] for a in alignment.articles}
    for (art, _), xs in per_sentence.items():
        numbers[art].extend(x for f, x in xs if f.kind == "number")
    drafts: list[_Draft] = []
    compared: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for group in alignment.groups:
        if len(group.articles) < 2:
            continue
        slots = {
            art: [x for i in group.slot(art) for x in per_sentence.get((art, i), [])]
            for art in group.articles
        }
        texts = {
            art: " ".join(alignment.article(art).sentences[i].text for i in group.slot(art))
            for art in group.articles
        }
        first = min(group.members, key=lambda m: (order[m.article], m.sentence))
        pos = (order[first.article], first.sentence, group.id)
        drafts.extend(_group_numbers(group.id, slots, texts, pos, numbers))
        drafts.extend(_group_dates(group.id, slots, pos))
        quoted = _group_quotes(group.id, slots, pos)
        drafts.extend(quoted)
        drafts.extend(_group_hedges(alignment, group, pos))
        if not any(d.kind == "attribution" for d in quoted):  # said once is enough
            drafts.extend(_group_attributions(group.id, slots, pos))
        for m1 in group.members:
            for m2 in group.members:
                compared.add(((m1.article, m1.sentence), (m2.article, m2.sentence)))
    drafts.extend(_story_events(per_sentence, compared, order))
    drafts.extend(_story_numbers(per_sentence, compared, order))
    drafts.extend(_story_names(per_sentence, order))
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    drafts.sort(key=lambda d: (rank[d.severity], d.order))
    out: list[Discrepancy] = []
    for n, d in enumerate(drafts, 1):
        variants = sorted(
            (_variant(f, art) for f, art in d.variants),
            key=lambda v: (order[v.article], v.sentence if v.sentence is not None else -1),
        )
        out.append(Discrepancy(f"d{n}", d.kind, d.severity, d.summary, tuple(variants), d.group))
    return tuple(facts), tuple(out)


Slots = dict[str, list[tuple[Fact, _Found]]]


def _pairs(slots: Slots, kind: str) -> list[tuple[str, str]]:
    arts = [a for a in slots if any(f.kind == kind for f, _ in slots[a])]
    return [(a, b) for i, a in enumerate(arts) for b in arts[i + 1 :]]


def _match(
    xs: list[tuple[Fact, _Found]],
    ys: list[tuple[Fact, _Found]],
    same: Callable[[_Found, _Found], bool],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching of two fact lists by a compatibility predicate."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, (_, fx) in enumerate(xs):
        for j, (_, fy) in enumerate(ys):
            if j not in used and same(fx, fy):
                used.add(j)
                pairs.append((i, j))
                break
    left_x = [i for i in range(len(xs)) if i not in {p[0] for p in pairs}]
    left_y = [j for j in range(len(ys)) if j not in used]
    return pairs, left_x, left_y


def _group_numbers(
    gid: int,
    slots: Slots,
    texts: dict[str, str],
    pos: tuple[int, int, int],
    everywhere: dict[str, list[_Found]],
) -> list[_Draft]:
    drafts: list[_Draft] = []
    nums = {a: [x for x in slots[a] if x[0].kind == "number"] for a in slots}
    conflicts: dict[str, _Draft] = {}
    variants: dict[str, _Draft] = {}
    arts = list(slots)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            xs, ys = nums[a], nums[b]
            # same value for the same thing first, then same value for anything.
            pairs, lx, ly = _match(
                xs,
                ys,
                lambda p, q: (
                    _num_overlap(p, q) and (_same_subject(p, q) or not (p.subject and q.subject))
                ),
            )
            rest_x = [xs[k] for k in lx]
            rest_y = [ys[k] for k in ly]
            more, lx2, ly2 = _match(rest_x, rest_y, _num_overlap)
            for fa, fb in [(xs[p], ys[q]) for p, q in pairs] + [
                (rest_x[p], rest_y[q]) for p, q in more
            ]:
                if fa[0].value == fb[0].value and fa[1].qualifier != fb[1].qualifier:
                    key = canonical(fa[0].text) + "|" + fa[1].subject
                    d = variants.get(key)
                    if d is None:
                        d = _Draft(
                            "number",
                            "variant",
                            f"{_describe([fa[0], fb[0]])} {fa[1].subject}: qualified differently",
                            [],
                            gid,
                            pos,
                        )
                        variants[key] = d
                    for f in (fa[0], fb[0]):
                        if all(f is not v for v, _ in d.variants):
                            d.variants.append((f, f.article))
            left_a = [rest_x[k] for k in lx2]
            left_b = [rest_y[k] for k in ly2]
            for fa in left_a:
                for fb in left_b:
                    if _same_subject(fa[1], fb[1]):
                        # one discrepancy per counted thing, however many versions disagree
                        thing = _lemma(fb[1].subject.split()[-1])
                        d = conflicts.get(thing)
                        if d is None:
                            d = conflicts[thing] = _Draft("number", "conflict", "", [], gid, pos)
                        for f in (fa[0], fb[0]):
                            if all(f is not v for v, _ in d.variants):
                                d.variants.append((f, f.article))
                        d.summary = f"{_describe(v for v, _ in d.variants if v)} {fb[1].subject}"
            for fx, other, other_text in [(x, b, texts[b]) for x in left_a] + [
                (y, a, texts[a]) for y in left_b
            ]:
                head = fx[1].subject.split()[-1:] if fx[1].subject else []
                if (
                    head
                    and fx[1].lo == fx[1].hi
                    and not nums[other]
                    and re.search(rf"\b{re.escape(head[0])}\b", other_text, re.I)
                    and not any(_num_overlap(fx[1], y) for y in everywhere[other])
                ):
                    drafts.append(
                        _Draft(
                            "number",
                            "missing",
                            f"{fx[0].text} {fx[1].subject}: the number is left out in {other}",
                            [(fx[0], fx[0].article), (None, other)],
                            gid,
                            pos,
                        )
                    )
    drafts.extend(conflicts.values())
    drafts.extend(variants.values())
    return drafts


def _group_dates(gid: int, slots: Slots, pos: tuple[int, int, int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    dates = {a: [x for x in slots[a] if x[0].kind == "date"] for a in slots}
    variants: list[_Draft] = []
    arts = list(slots)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            xs, ys = dates[a], dates[b]
            if not xs or not ys:
                continue
            pairs, lx, ly = _match(xs, ys, lambda p, q: _date_overlap(p, q) is not False)
            for p, q in pairs:
                fa, fb = xs[p], ys[q]
                if (
                    _date_overlap(fa[1], fb[1])
                    and canonical(fa[0].text) != canonical(fb[0].text)
                    and _day_precise(fa[1])
                    and _day_precise(fb[1])
                    and not (_YEAR_RE.search(fa[0].text) and _YEAR_RE.search(fb[0].text))
                ):
                    merged = next(
                        (
                            d
                            for d in variants
                            if any(v is fa[0] or v is fb[0] for v, _ in d.variants)
                        ),
                        None,
                    )
                    if merged is None:
                        merged = _Draft("date", "variant", "", [], gid, pos)
                        variants.append(merged)
                    for f in (fa[0], fb[0]):
                        if all(f is not v for v, _ in merged.variants):
                            merged.variants.append((f, f.article))
            if len(lx) == 1 and len(ly) == 1:
                fa, fb = xs[lx[0]], ys[ly[0]]
                same_event = (
                    fa[1].event and fa[1].event == fb[1].event and fa[1].context & fb[1].context
                ) or len(_around(fa[1]) & _around(fb[1])) >= 3
                if same_event and _date_overlap(fa[1], fb[1]) is False:
                    drafts.append(
                        _Draft(
                            "date",
                            "conflict",
                            f"{_describe([fa[0], fb[0]])}: {fa[0].value} vs {fb[0].value}",
                            [(fa[0], a), (fb[0], b)],
                            gid,
                            pos,
                        )
                    )
    for d in variants:
        d.summary = f"{_describe(f for f, _ in d.variants if f)}: the same day ({_day(d)})"
    return drafts + variants


_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _day_precise(f: _Found) -> bool:
    w = f.when
    return w is not None and (w.month_day is not None or (w.lo is not None and w.lo == w.hi))


def _around(f: _Found) -> frozenset[str]:
    """Content words of the clause around a date (what the date is the date of)."""
    return f.around


def _day(d: _Draft) -> str:
    for f, _ in d.variants:
        if f is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", f.value):
            return f.value
    return next((f.value for f, _ in d.variants if f is not None), "")


def _group_quotes(gid: int, slots: Slots, pos: tuple[int, int, int]) -> list[_Draft]:
    """Versions of the same quotation worded differently (or given to different speakers)."""
    from rapidfuzz import fuzz  # here: unpickling facts (the app) needs no rapidfuzz

    quotes = [(a, x) for a in slots for x in slots[a] if x[0].kind == "quote"]
    candidates: list[tuple[float, int, int]] = []
    for i, (a, fa) in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b, fb = quotes[j]
            if a == b or len(fa[0].value.split()) < 3 or len(fb[0].value.split()) < 3:
                continue
            score = fuzz.token_set_ratio(fa[0].value, fb[0].value)
            if score >= 60:
                candidates.append((score, i, j))
    cluster: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        ci, cj = cluster.get(i), cluster.get(j)
        if ci is None and cj is None:
            cluster[i] = cluster[j] = i
            members[i] = [i, j]
        elif ci is not None and cj is None:
            if all(quotes[k][0] != quotes[j][0] for k in members[ci]):
                cluster[j] = ci
                members[ci].append(j)
        elif (
            cj is not None and ci is None and all(quotes[k][0] != quotes[i][0] for k in members[cj])
        ):
            cluster[i] = cj
            members[cj].append(i)
    drafts: list[_Draft] = []
    for ks in members.values():
        facts = [quotes[k][1] for k in sorted(ks)]
        if len({f[0].value for f in facts}) < 2:
            continue
        variants: list[tuple[Fact | None, str]] = [(f[0], f[0].article) for f in facts]
        shown = " vs ".join(dict.fromkeys(_short(f[0].text) for f in facts))
        drafts.append(
            _Draft("quote", "variant", f"quotation worded differently: {shown}", variants, gid, pos)
        )
        speakers = {f[1].speaker for f in facts if f[1].speaker}
        if len(speakers) > 1 and not set.intersection(*(set(s.split()) for s in speakers)):
            named = [f for f in facts if f[1].speaker]
            drafts.append(
                _Draft(
                    "attribution",
                    "variant",
                    "the same quotation is given to "
                    + " and ".join(dict.fromkeys(f[0].speaker.title() for f in named)),
                    [(f[0], f[0].article) for f in named],
                    gid,
                    pos,
                )
            )
    return drafts


def _short(text: str, width: int = 40) -> str:
    return "“" + (text if len(text) <= width else text[: width - 1].rstrip() + "…") + "”"


def _hedges_in(text: str) -> list[tuple[str, int, int]]:
    spans = quote_spans(text)
    out = []
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group(0)
        if word != word.lower() and (m.start() > 0 or word == "May"):
            continue  # "May" the month; a capital mid-sentence is a name
        if word.casefold() in HEDGE_WORDS and not any(s <= m.start() < e for s, e in spans):
            out.append((m.group(0), m.start(), m.end()))
    return out


def _claim_after(text: str, end: int) -> str:
    """The stem of the word a hedge qualifies ("reportedly sent arms" -> "sent")."""
    words: list[str] = re.findall(r"[^\W\d_]+", text[end:])
    for w in words[:4]:
        if w.casefold() not in STOP and w.casefold() not in HEDGE_WORDS:
            return w.casefold()[:5]
    return ""


def _group_hedges(alignment: Alignment, group: Group, pos: tuple[int, int, int]) -> list[_Draft]:
    gid, arts = group.id, group.articles
    found: dict[str, list[Fact]] = {}
    texts: dict[str, str] = {}
    claims: set[str] = set()
    for art_id in arts:
        article = alignment.article(art_id)
        facts: list[Fact] = []
        for i in group.slot(art_id):
            sentence = article.sentences[i]
            offsets = source_offsets(article, sentence)
            for word, s, e in _hedges_in(sentence.text):
                facts.append(
                    Fact("hedge", art_id, i, offsets[s], offsets[e - 1] + 1, word, word.casefold())
                )
                claim = _claim_after(sentence.text, e)
                if claim:
                    claims.add(claim)
        found[art_id] = facts
        texts[art_id] = " ".join(article.sentences[i].text for i in group.slot(art_id)).casefold()
    hedged = [a for a in arts if found[a]]
    # a version states the claim flatly only if it makes the claim at all ("sent", "arrived")
    flat = [
        a
        for a in arts
        if not found[a] and any(re.search(rf"\b{re.escape(c)}", texts[a]) for c in claims)
    ]
    if not hedged or not flat:
        return []
    words = sorted({f.value for a in hedged for f in found[a]})
    variants: list[tuple[Fact | None, str]] = [(f, a) for a in hedged for f in found[a][:1]]
    variants += [(None, a) for a in flat]
    return [
        _Draft(
            "hedge",
            "variant",
            f"hedged ({', '.join(words)}) in {', '.join(hedged)}; "
            f"stated flatly in {', '.join(flat)}",
            variants,
            gid,
            pos,
        )
    ]


def _group_attributions(gid: int, slots: Slots, pos: tuple[int, int, int]) -> list[_Draft]:
    atts = {a: [x for x in slots[a] if x[0].kind == "attribution"] for a in slots}
    named = {
        a: xs for a, xs in atts.items() if xs and all(re.search(r"[A-Z]", x[1].subject) for x in xs)
    }
    if len(named) < 2:
        return []
    keys = {a: {w for x in xs for w in x[0].value.split() if w != "via"} for a, xs in named.items()}
    arts = list(named)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if keys[a] & keys[b]:
                return []
    return [
        _Draft(
            "attribution",
            "variant",
            "attributed to different sources: "
            + " vs ".join(", ".join(x[1].subject for x in named[a]) for a in arts),
            [(x[0], a) for a in arts for x in named[a]],
            gid,
            pos,
        )
    ]


def _story_numbers(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, _Found]]],
    compared: set[tuple[tuple[str, int], tuple[str, int]]],
    order: dict[str, int],
) -> list[_Draft]:
    """Exact counts of the same thing in the same context that differ across the story.

    Strict on purpose: both numbers exact (no qualifier, not vague), the same counted noun
    with the same capitalised modifiers ("North Korean troops" is not "Ukrainian troops"), and
    at least three content words shared by the clauses around them.
    """
    counts = [
        x
        for xs in per_sentence.values()
        for x in xs
        if x[0].kind == "number"
        and x[1].subject
        and x[1].lo is not None
        and x[1].lo == x[1].hi
        and not x[1].qualifier
        and not x[0].value.endswith("%")
    ]
    drafts: dict[str, _Draft] = {}
    buckets: dict[str, list[tuple[Fact, _Found]]] = {}
    for x in counts:
        buckets.setdefault(_lemma(x[1].subject.split()[-1]), []).append(x)
    pairs = ((xs[i], y) for xs in buckets.values() for i in range(len(xs)) for y in xs[i + 1 :])
    for (fa, xa), (fb, xb) in pairs:
        if fa.article == fb.article or fa.value == fb.value:
            continue
        if ((fa.article, fa.sentence), (fb.article, fb.sentence)) in compared:
            continue  # the group check has seen this pair
        if not _same_subject(xa, xb) or _caps(xa.subject) != _caps(xb.subject):
            continue
        subject_words = {_lemma(w) for w in (xa.subject + " " + xb.subject).split()}
        if len((xa.around & xb.around) - subject_words) < 3:
            continue
        thing = _lemma(xa.subject.split()[-1])
        d = drafts.get(thing)
        if d is None:
            d = drafts[thing] = _Draft(
                "number", "conflict", "", [], None, (order[fa.article], fa.sentence, -1)
            )
        for f in (fa, fb):
            if all(f is not v for v, _ in d.variants):
                d.variants.append((f, f.article))
        shown = " vs ".join(dict.fromkeys(f"“{v.text}”" for v, _ in d.variants if v))
        d.summary = f"{shown} {xa.subject} (in unaligned sentences)"
    return list(drafts.values())


def _caps(subject: str) -> frozenset[str]:
    return frozenset(w for w in subject.split() if w[:1].isupper())


def _story_events(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, _Found]]],
    compared: set[tuple[tuple[str, int], tuple[str, int]]],
    order: dict[str, int],
) -> list[_Draft]:
    events = [
        x
        for xs in per_sentence.values()
        for x in xs
        if x[0].kind == "date" and x[1].event and len(x[1].context) >= 2
    ]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    clash: set[int] = set()
    for i, (fa, xa) in enumerate(events):
        for j in range(i + 1, len(events)):
            fb, xb = events[j]
            if fa.article == fb.article or xa.event != xb.event:
                continue
            if len(xa.context & xb.context) < 2:
                continue
            parent[find(i)] = find(j)
            if (
                (fa.article, fa.sentence),
                (fb.article, fb.sentence),
            ) not in compared and _date_overlap(xa, xb) is False:
                clash.add(i)
                clash.add(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(events)):
        clusters.setdefault(find(i), []).append(i)
    drafts: list[_Draft] = []
    for members in clusters.values():
        if not any(i in clash for i in members):
            continue
        facts = sorted(
            (events[i][0] for i in members), key=lambda f: (order[f.article], f.sentence)
        )
        event = events[members[0]][1]
        thing = " ".join(
            sorted(set.intersection(*(set(events[i][1].context) for i in members)) or event.context)
        )
        found = {id(events[i][0]): events[i][1] for i in members}
        sides: list[list[Fact]] = []  # mutually compatible statements, side by side
        for f in facts:
            if not f.resolved:
                continue
            side = next(
                (
                    side
                    for side in sides
                    if all(_date_overlap(found[id(f)], found[id(g)]) for g in side)
                ),
                None,
            )
            if side is None:
                sides.append([f])
            else:
                side.append(f)
        shown = " vs ".join(
            ", ".join(dict.fromkeys(f"“{f.text}” = {f.value} ({f.article})" for f in side))
            for side in sides
        )
        drafts.append(
            _Draft(
                "date",
                "conflict",
                f"{thing} {event.verb}: {shown}",
                [(f, f.article) for f in facts],
                None,
                (order[facts[0].article], facts[0].sentence, -1),
            )
        )
    return drafts


def _story_names(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, _Found]]], order: dict[str, int]
) -> list[_Draft]:
    by_key: dict[str, dict[str, list[Fact]]] = {}
    for xs in per_sentence.values():
        for fact, _ in xs:
            if fact.kind == "name":
                by_key.setdefault(fact.value, {}).setdefault(_surface(fact), []).append(fact)
    drafts: list[_Draft] = []
    for spellings in by_key.values():
        if len(spellings) < 2:
            continue
        firsts: list[Fact] = []
        for facts in spellings.values():
            seen: set[str] = set()
            for f in sorted(facts, key=lambda f: (order[f.article], f.sentence)):
                if f.article not in seen:
                    seen.add(f.article)
                    firsts.append(f)
        firsts.sort(key=lambda f: (order[f.article], f.sentence))
        drafts.append(
            _Draft(
                "name",
                "variant",
                f"one name, spelled {len(spellings)} ways: {_describe(firsts)}",
                [(f, f.article) for f in firsts],
                None,
                (order[firsts[0].article], firsts[0].sentence, -1),
            )
        )
    return drafts
