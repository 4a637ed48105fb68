"""Provides the word lists fact extraction reads: stop words, titles, demonyms, speech verbs,
hedges, organisation and place words, one-off events and their synonyms.
"""

from __future__ import annotations

import re


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


PLURAL_FREE = frozenset({"people", "personnel", "police", "staff", "children", "men", "women"})


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


ADJ_SUFFIX = re.compile(r"-(?:\w+ed|\w+ing|based|backed|led|run|owned|style|born|made)$")


DEMONYMS = _word_set(
    "Russian Ukrainian Korean American British Chinese Japanese European French German Iranian "
    "Israeli Palestinian Syrian Iraqi Afghan Turkish Polish Belarusian Western Eastern Soviet "
    "Arab Indian Pakistani Saudi Egyptian Lebanese Georgian Italian Spanish Canadian Australian "
    "African Asian Latin Russians Ukrainians Koreans Americans"
)
"""Nationality adjectives: not names on their own."""


MONTH_OR_DAY = _word_set(
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


SOURCE_NOUNS = (
    r"(?:state(?:-run)?\s+media|state\s+television|state\s+news\s+agency|officials?|"
    r"sources?|media|reports?|witnesses|police|the\s+military|the\s+ministry|a\s+spokes\w+)"
)


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


PLACE_BEFORE = _word_set("in to from at into near across toward towards outside inside via")
