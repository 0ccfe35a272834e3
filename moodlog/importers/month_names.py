"""Dates written in words, in the languages phones write them: ``June 22``, ``5 Aug``,
``16 de octubre``, ``7 września``, ``22. Juni``, ``September 5, 2015``.

A month word is matched in full (names and their genitive forms), else by a prefix of at
least three letters that belongs to one month only (``sept``, ``déc.``, ``paź``).
"""

import re
from datetime import date
from functools import cache

_MONTHS: tuple[str, ...] = (
    # English, Spanish, Portuguese, French, German, Italian, Dutch, Swedish/Danish/Norwegian
    "january enero janeiro janvier januar gennaio januari",
    "february febrero fevereiro février februar febbraio februari",
    "march marzo março mars märz marzo maart",
    "april abril avril aprile",
    "may mayo maio mai maggio mei maj",
    "june junio junho juin juni giugno",
    "july julio julho juillet juli luglio",
    "august agosto août augusti augustus",
    "september septiembre setiembre setembro septembre settembre",
    "october octubre outubro octobre oktober ottobre oktober",
    "november noviembre novembro novembre",
    "december diciembre dezembro décembre dezember dicembre",
)
_MORE_MONTHS: tuple[str, ...] = (
    # Polish and Czech (nominative and genitive), Russian and Ukrainian, Turkish
    "styczeń stycznia leden ledna январь января січень січня ocak",
    "luty lutego únor února февраль февраля лютий лютого şubat",
    "marzec marca březen března март марта березень березня mart",
    "kwiecień kwietnia duben dubna апрель апреля квітень квітня nisan",
    "maj maja květen května май мая травень травня mayıs",
    "czerwiec czerwca červen června июнь июня червень червня haziran",
    "lipiec lipca červenec července июль июля липень липня temmuz",
    "sierpień sierpnia srpen srpna август августа серпень серпня ağustos",
    "wrzesień września září сентябрь сентября вересень вересня eylül",
    "październik października říjen října октябрь октября жовтень жовтня ekim",
    "listopad listopada listopadu ноябрь ноября листопад листопада kasım",
    "grudzień grudnia prosinec prosince декабрь декабря грудень грудня aralık",
)
_WORD = re.compile(r"[^\W\d_]+|\d+")


@cache
def _names() -> dict[str, int]:
    names: dict[str, int] = {}
    for table in (_MONTHS, _MORE_MONTHS):
        for number, words in enumerate(table, start=1):
            for word in words.split():
                names[word] = number
    return names


@cache
def month_of(word: str) -> int | None:
    """The month (1-12) a word names, or ``None``."""
    word = word.casefold().rstrip(".")
    names = _names()
    if word in names:
        return names[word]
    if len(word) < 3:
        return None
    months = {number for name, number in names.items() if name.startswith(word)}
    return months.pop() if len(months) == 1 else None


def day_and_month(text: str) -> tuple[int, int] | None:
    """(month, day) from words like ``June 22`` or ``16 de octubre``; ``None`` when the
    text holds no single month word and day number."""
    words = _WORD.findall(text.casefold())
    months = [m for m in (month_of(w) for w in words if not w.isdecimal()) if m is not None]
    days = [int(w) for w in words if w.isdecimal() and len(w) <= 2]
    if len(months) != 1 or len(days) != 1 or not 1 <= days[0] <= 31:
        return None
    return months[0], days[0]


def date_in_words(text: str) -> date | None:
    """A full date in words: ``September 5, 2015``, ``22nd Sep 2020``, ``5. září 2021``."""
    words = _WORD.findall(text.casefold())
    years = [int(w) for w in words if w.isdecimal() and len(w) == 4]
    rest = " ".join(w for w in words if not (w.isdecimal() and len(w) == 4))
    found = day_and_month(rest)
    if found is None or len(years) != 1:
        return None
    month, day = found
    try:
        return date(years[0], month, day)
    except ValueError:
        return None
