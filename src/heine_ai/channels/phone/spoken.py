"""Answers for the ear: the checked written reply, said the way a German caller expects to hear it.

The written reply has passed the assistant's fact check; this module only rewrites its form and adds no fact:
links and page hints go (the page is named in words instead), prices, dates, times and numbers become words
("fünf Euro fünfundneunzig", "am Montag, dem siebten Dezember", "vierzehn Uhr dreißig"), long numbers are read
digit by digit (an order or phone number), abbreviations are spelled out and long sentences are split.
"""

from __future__ import annotations

import re
from datetime import date

from num2words import num2words

from heine_ai.config import BrandTexts

_URL = re.compile(
    r"\(?\s*(?:\b(?:siehe|unter|see|at)\s+)?(?:https?://|www\.)\S+?\s*\)?(?=[\s,;:!?]|[.](?:\s|$)|$)", re.IGNORECASE
)
_QUOTED = re.compile(r"[„“”\"](.+?)[“”\"]")
_PRICE = re.compile(r"(?:€\s?(\d{1,6})(?:[.,](\d{2}))?|(\d{1,6})(?:,(\d{2}))?\s?(?:€|EUR\b|Euro\b))")
_LEAD = r"(?:\b(am|bis|ab|seit|vom|zum|vor|nach|on|until|from|by|before|after)\s+)?"  # a date's preposition
_DATE = re.compile(_LEAD + r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)")
_ISO_DATE = re.compile(_LEAD + r"\b(\d{4})-(\d{2})-(\d{2})\b")
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(\s?Uhr)?\b|\b(\d{1,2})\s?Uhr\b")
_PERCENT = re.compile(r"(\d+(?:,\d+)?)\s?(?:%|Prozent\b)")
_DIGIT_GROUPS = re.compile(r"(?<![\d,.])(?:\+?\d[\d ]{3,}\d|0\d+|\d{5,})(?![\d,]\d)")
_DECIMAL = re.compile(r"(?<![\d,.])(\d+),(\d+)(?![\d,])")
_NUMBER = re.compile(r"(?<![\d,.])\d{1,4}(?![\d,]\d)")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{3})(?![\d.]|,\d)")  # 1.500 € is fifteen hundred
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MAX_WORDS = 22  # a longer sentence is split at a semicolon or colon, which a listener cannot see

_ABBREVIATIONS_DE = {
    "z. B.": "zum Beispiel",
    "z.B.": "zum Beispiel",
    "bzw.": "beziehungsweise",
    "ca.": "circa",
    "inkl.": "inklusive",
    "zzgl.": "zuzüglich",
    "ggf.": "gegebenenfalls",
    "d. h.": "das heißt",
    "u. a.": "unter anderem",
    "usw.": "und so weiter",
    "Nr.": "Nummer",
    "Tel.": "Telefon",
    "&": "und",
}
_ABBREVIATIONS_EN = {"e.g.": "for example", "i.e.": "that is", "approx.": "about", "&": "and", "No.": "number"}
_MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
_WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DIGITS_DE = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_DIGITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def for_the_ear(text: str, texts: BrandTexts, language: str, today: date, source_line: str | None = None) -> str:
    """``text`` to be spoken; ``source_line`` (the page named in words) replaces the written page hint."""
    lang = "en" if language == "en" else "de"
    spoken = _drop_page_hints(text, texts)
    spoken = _URL.sub("", spoken)
    spoken = spoken.replace("(", ", ").replace(")", ", ").replace("\n", ". ")
    spoken = re.sub(r"^\s*[-*•]\s+", "", spoken, flags=re.MULTILINE)
    for short, long in (_ABBREVIATIONS_EN if lang == "en" else _ABBREVIATIONS_DE).items():
        spoken = spoken.replace(short, long)
    spoken = _numbers(spoken, lang, today)
    spoken = _tidy(spoken)
    if source_line:
        spoken = f"{spoken} {source_line}".strip()
    return " ".join(_short(sentence) for sentence in _SENTENCE_END.split(spoken) if sentence)


def _drop_page_hints(text: str, texts: BrandTexts) -> str:
    """Remove the written reply's "Mehr dazu finden Sie unter „…“." sentences: the caller cannot click them."""
    for template in (texts.source_hint, texts.source_hint_again):
        if "{title}" not in template:
            continue
        head, tail = (re.escape(part) for part in template.split("{title}", 1))
        text = re.sub(head + r".+?" + tail, "", text)
    return text


def _numbers(text: str, lang: str, today: date) -> str:
    """Every figure in words, most specific pattern first (a price before a plain number)."""
    text = _THOUSANDS.sub(r"\1\2", text)
    text = _PRICE.sub(lambda m: _price(m, lang), text)
    text = _ISO_DATE.sub(lambda m: _date(m.group(1), int(m[4]), int(m[3]), m[2], lang, today), text)
    text = _DATE.sub(lambda m: _date(m.group(1), int(m[2]), int(m[3]), m[4], lang, today), text)
    text = _TIME.sub(lambda m: _time(m, lang), text)
    text = _PERCENT.sub(lambda m: _words_of(m[1], lang) + (" percent" if lang == "en" else " Prozent"), text)
    text = _DIGIT_GROUPS.sub(lambda m: _digits(m.group(0), lang), text)
    text = _DECIMAL.sub(lambda m: _words_of(m.group(0), lang), text)
    return _NUMBER.sub(lambda m: _cardinal(int(m.group(0)), lang), text)


def _cardinal(value: int, lang: str) -> str:
    return str(num2words(value, lang=lang))


def _words_of(figure: str, lang: str) -> str:
    if "," in figure:
        whole, fraction = figure.split(",", 1)
        comma = " point " if lang == "en" else " Komma "
        digits = _DIGITS_EN if lang == "en" else _DIGITS_DE
        return _cardinal(int(whole), lang) + comma + " ".join(digits[int(d)] for d in fraction)
    return _cardinal(int(figure), lang)


def _price(match: re.Match[str], lang: str) -> str:
    euros = int(match[1] or match[3])
    cents = int(match[2] or match[4] or 0)
    if lang == "en":
        spoken = f"{_cardinal(euros, lang)} euro{'s' if euros != 1 else ''}"
        return spoken + (f" {_cardinal(cents, lang)}" if cents else "")
    if euros == 0 and cents:
        return f"{_cardinal(cents, lang)} Cent"
    spoken = "ein Euro" if euros == 1 else f"{_cardinal(euros, lang)} Euro"
    return spoken + (f" {_cardinal(cents, lang)}" if cents else "")


def _date(preposition: str | None, day: int, month: int, year_text: str | None, lang: str, today: date) -> str:
    """ "am Montag, dem siebten Dezember"; the year only when it is not this year's."""
    original = f"{preposition + ' ' if preposition else ''}{day}.{month}."
    year = today.year if not year_text else int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        moment = date(year, month, day)
    except ValueError:
        return original + (year_text or "")
    ordinal = str(num2words(day, lang=lang, to="ordinal"))
    year_words = "" if year == today.year else " " + str(num2words(year, lang=lang, to="year"))
    if lang == "en":
        lead = f"{preposition} " if preposition and preposition not in ("am", "on") else "on "
        return f"{lead}{_WEEKDAYS_EN[moment.weekday()]}, {_MONTHS_EN[month - 1]} {ordinal}{year_words}"
    lead = f"{preposition} " if preposition and preposition not in ("am", "on") else "am "
    return f"{lead}{_WEEKDAYS_DE[moment.weekday()]}, dem {ordinal}n {_MONTHS_DE[month - 1]}{year_words}"


def _time(match: re.Match[str], lang: str) -> str:
    hour = int(match[1] or match[4])
    minute = int(match[2] or 0)
    if hour > 24 or minute > 59:
        return match.group(0)
    if lang == "en":
        return f"{_cardinal(hour, lang)}" + (f" {_cardinal(minute, lang)}" if minute else " o'clock")
    hour_words = "ein" if hour == 1 else _cardinal(hour, lang)
    return f"{hour_words} Uhr" + (f" {_cardinal(minute, lang)}" if minute else "")


def _digits(group: str, lang: str) -> str:
    """A phone, order or postal number, digit by digit, its groups apart (0800 123 → "null acht null null, …")."""
    names = _DIGITS_EN if lang == "en" else _DIGITS_DE
    plus = "plus " if group.startswith("+") else ""
    parts = group.lstrip("+").split()
    return plus + ", ".join(" ".join(names[int(d)] for d in part) for part in parts)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.!?;:])", r"\1", text)
    text = re.sub(r",\s*([,.!?])", r"\1", text)
    text = re.sub(r"([.!?])\s*[.]+", r"\1", text)
    text = re.sub(r"([:;]),", r"\1", text)
    text = _QUOTED.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip(" ,")


def _short(sentence: str) -> str:
    """A sentence of more than ``MAX_WORDS`` words is split where a semicolon or colon already parts it."""
    if len(sentence.split()) <= MAX_WORDS:
        return sentence
    parts = [part.strip() for part in re.split(r"[;:]\s+", sentence) if part.strip()]
    return " ".join(_capitalised(part) + ("" if part[-1] in ".!?" else ".") for part in parts)


def _capitalised(part: str) -> str:
    return part[0].upper() + part[1:]
