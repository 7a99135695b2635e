"""A customer's question in the words a shop's page uses: standard German for dialect and everyday words.

Customers write "kann i des Packerl gratis zruckschicken?" or "kann man mit Karte zahlen?"; pages say "Paket",
"kostenlos", "zurückschicken", "Kreditkarte" and "bezahlen". The lexical side of a search already meets such
words through ``glossary.FAMILIES``, but multilingual-e5-small places the everyday wording further from the
section that answers it than the page's own words, and "zahlen" nearer to "Rückzahlung" than to "bezahlen". The
search embeds the plain wording as a second query (``knowledge/retrieval.py``) and the extractive answer chooses
its sentences for it. The list names what German-speaking customers of any shop say (Bavarian and Austrian forms
included), not one brand's pages; a word is replaced only as a whole word.

A town the customer names gets its country beside it, in German and English ("Schickt ihr nach Zürich?" asks
about delivery to Switzerland, the word a shipping page uses): ``data/places.tsv``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from heine_ai.text import fold

# fmt: off
STANDARD = {
    # Bavarian and Austrian
    "i": "ich", "zruck": "zurück", "zruckschicken": "zurückschicken", "zruckgeben": "zurückgeben",
    "packerl": "Paket", "packl": "Paket", "sackerl": "Tüte", "net": "nicht", "ned": "nicht", "hob": "habe",
    "mei": "mein", "mia": "wir", "ham": "haben", "nix": "nichts", "gschickt": "geschickt", "kriag": "kriege",
    "griag": "kriege", "bissl": "bisschen", "heit": "heute", "wos": "was", "wia": "wie", "eich": "euch",
    "enk": "euch", "griaß": "grüß", "dauat": "dauert", "derf": "darf", "deaf": "darf", "toa": "tun", "doa": "tun",
    "scho": "schon", "kimmt": "kommt", "kummt": "kommt", "woaß": "weiß", "moan": "meine", "hoit": "halt",
    "zwoa": "zwei", "is": "ist", "liaba": "lieber", "lagernd": "vorrätig", "gwand": "Kleidung", "gfallt": "gefällt",
    "gfoit": "gefällt", "bstellt": "bestellt", "bstelln": "bestellen", "bstellen": "bestellen", "eana": "Ihnen",
    "ko": "kann", "kenna": "können", "kennan": "können", "oan": "einen", "amoi": "einmal", "amal": "einmal",
    "aa": "auch", "gschäft": "Geschäft", "kriagn": "bekommen", "nimmer": "nicht mehr", "zahln": "bezahlen",
    "heuer": "dieses Jahr", "gmoant": "gemeint", "zruckgebn": "zurückgeben", "zruckschickn": "zurückschicken",
    # Swiss German
    "chan": "kann", "chasch": "kannst", "öich": "euch", "oich": "euch", "bi": "bei", "isch": "ist", "nöd": "nicht",
    "nid": "nicht", "gits": "gibt es", "gaht": "geht", "chunnt": "kommt", "hani": "habe ich", "zahle": "bezahlen",
    "päckli": "Paket", "luege": "schauen", "wüsse": "wissen", "au": "auch",
    # Saxon, Berlin and the north
    "ni": "nicht", "nich": "nicht", "ooch": "auch", "bassd": "passt", "gibbd": "gibt", "hamse": "haben Sie",
    "ick": "ich", "wat": "was", "det": "das", "jut": "gut", "gleene": "kleine", "gleenen": "kleinen",
    "schiggn": "schicken", "zurüggschiggn": "zurückschicken",
    # spoken forms everywhere
    "nen": "einen", "nem": "einem", "ner": "einer", "grad": "gerade", "gibts": "gibt es", "isses": "ist es",
    "hab": "habe", "habs": "habe es", "gehts": "geht es", "kommts": "kommt es", "wieviel": "wie viel",
    # everyday words for what pages name formally
    "zahlen": "bezahlen", "tauschen": "umtauschen", "karte": "Kreditkarte", "gratis": "kostenlos",
    "umsonst": "kostenlos", "päckchen": "Paket", "porto": "Versandkosten", "kohle": "Geld", "knete": "Geld",
    "kaputt": "beschädigt", "kaputte": "beschädigte", "kaputten": "beschädigten", "storno": "Stornierung",
    "abbestellen": "stornieren", "einloggen": "anmelden", "login": "Anmeldung", "account": "Kundenkonto",
    "zurückgeben": "zurückschicken", "kriegen": "bekommen", "kriege": "bekomme", "kriegt": "bekommt",
    "zurückkriegen": "zurückbekommen", "wiederkriegen": "zurückbekommen",
}
# fmt: on
_WORD = re.compile(r"[^\W\d_]+")
MIN_MISSPELT_COUNTRY = 6  # a shorter word is never read as a misspelt country ("Polen" and "holen")
# "gegen eine Nummer größer tauschen": exchange pages say "in eine andere Größe"; "eine Nummer größer" alone
# pulled the size tables
_OTHER_SIZE = re.compile(
    r"\b(?:eine|ne|'ne|1)\s+(?:(?:nummer|größe|grösse|groesse)\s+(?:größer|grösser|groesser|kleiner)"
    r"|(?:größere|grössere|groessere|kleinere)\s+(?:nummer|größe|grösse|groesse))\b",
    re.IGNORECASE,
)
_OTHER_SIZE_EN = re.compile(
    r"\b(?:a|one) size (?:up|down|bigger|smaller|larger)\b|\ba (?:bigger|smaller|larger) size\b", re.IGNORECASE
)
_DEFECT = re.compile(
    r"\b(?:naht|saum|nähte)\b[^.?!]{0,40}\b(?:aufgegangen|auf|offen|gerissen|löst)|\bloch\b|\blöcher\b|\bflecke?n?\b|"
    r"\bgerissen\b|\brissig|\bverfärbt|\bdefekt|\bklemmt\b|\bknopf\w*\b[^.?!]{0,20}\b(?:ab|fehlt|lose|abgerissen)\b|"
    r"\bzerkratzt|\bwackel\w*\b|\bfusselt|\bpilling\b",
    re.IGNORECASE,
)
_DEFECT_EN = re.compile(
    r"\b(?:seam|stitching)\b[^.?!]{0,30}\b(?:came|come|coming|split|undone|open|loose)|\bhole\b|\bstain|\btorn\b|"
    r"\bripped\b|\bbroken zip|\bzip(?:per)? (?:is )?(?:broken|stuck)|\bbutton\b[^.?!]{0,20}\b(?:off|missing|loose)\b",
    re.IGNORECASE,
)
_LACKING = re.compile(
    r"\b(?:habe|hab|hat|haben|hast|besitze|besitzt)\s+(?:\w+\s+){0,2}?(?:kein|keine|keinen)\s+(\w{5,})",
    re.IGNORECASE,
)
_LACKING_EN = re.compile(r"\b(?:(?:don'?t|do not|doesn'?t|does not) (?:have|own) (?:an? |any )?|have no )(\w{5,})")
_CLAIMED = re.compile(
    r"\b(?:angeblich|vermeintlich|scheinbar|angeblich im namen) (?:von|vom)\b|als (?:käme|kämen|wäre|wären) "
    r"(?:sie|die|es|er|das) (?:von|vom)\b|\bim namen (?:von|des|der)\b|(?:verdächtig|gefälscht|komisch|seltsam|dubios)"
    r"\w* (?:e-?mail|mail|sms|nachricht|anruf)|(?:claiming|pretending|supposedly|apparently) (?:to be )?from\b|"
    r"(?:suspicious|fake|phishing) (?:e-?mail|message|text|sms)|is (?:this|that|it) (?:e-?mail|message) "
    r"(?:real|genuine|legit)",
    re.IGNORECASE,
)
_RECEIVED = re.compile(
    r"\b(?:e-?mail|mail|sms|nachricht|anruf)\w* (?:\w+ ){0,3}(?:bekommen|erhalten|gekriegt|gekommen)|"
    r"\b(?:got|received|get) an? (?:e-?mail|text|message|sms|call)",
    re.IGNORECASE,
)
_GENUINE = re.compile(
    r"\b(?:ist|sind) (?:das|die|sie|diese?) (?:\w+ )?(?:echt|seriös|wirklich von)\b|\b(?:real|genuine|legit)\b",
    re.IGNORECASE,
)
_WANTS = re.compile(
    r"\b(?:passwort|kennwort|zugangsdaten|pin|tan|kreditkart\w*|bankdaten)\b[^.?!]{0,80}\b(?:bestätig\w*|eingeb\w*|"
    r"verifizier\w*|angeb\w*|klick\w*)|\b(?:bestätig\w*|klick\w*)\b[^.?!]{0,80}\b(?:link|passwort|kennwort)|"
    r"\blink\b[^.?!]{0,80}\b(?:passwort|kennwort|bestätig\w*)|\b(?:password|card|pin)\b[^.?!]{0,60}\b(?:confirm|verify|"
    r"enter|click)|\b(?:confirm|verify|click)\b[^.?!]{0,60}\b(?:link|password)",
    re.IGNORECASE,
)
# a town as a parcel's destination or origin, or where the customer lives: "nach Zürich", "aus Linz", "wohne in
# Köln"; not "in einer Filiale in München", which asks about a shop there, not about a country's delivery
# a destination, an origin or where the customer stays ("bin über den Winter in Innsbruck"); "bei euch in Bielefeld"
# is where the shop is
_WHERE = (
    r"\b(?:nach|aus|für|to|from|for|(?:wohne|wohnen|wohnt|lebe|leben|lebt|bin|sind|bleibe|bleiben|live|lives|living"
    r"|based|staying|stay)(?: [^\W\d_]+){0,4} in) "
)


def plain_wording(text: str, language: str) -> str:
    """``text`` with the page's words for dialect and everyday words (German), the country of each town it
    names and the word "Phishing" where it describes a message in the shop's name that wants a password or a
    click (German, English); ``text`` itself otherwise."""
    if language == "de":
        text = _WORD.sub(lambda match: _standard(match.group(0)), _OTHER_SIZE.sub("eine andere Größe", text))
    elif language == "en":
        text = _OTHER_SIZE_EN.sub("another size", text)
    text = with_countries(text, language) + _without(text) + _defect(text, language)
    return f"{text} Phishing" if describes_phishing(text) and "phishing" not in text.casefold() else text


def _defect(text: str, language: str) -> str:
    """A defect told in everyday words ("die Naht ist aufgegangen", "ein Loch im Ärmel"), as pages name it:
    " Mangel Reklamation" (" defect complaint")."""
    if language == "de" and _DEFECT.search(text) and not re.search(r"\b(?:mangel|reklam)", text, re.IGNORECASE):
        return " Mangel Reklamation"
    if language == "en" and _DEFECT_EN.search(text) and "defect" not in text.casefold():
        return " defect complaint"
    return ""


def _without(text: str) -> str:
    """What the customer says they lack, as pages head the way without it: "Ich habe keinen Drucker" adds
    " ohne Drucker" ("Retoure ohne Drucker"), "I don't have a printer" " without printer"."""
    lacked = [f"ohne {word}" for word in _LACKING.findall(text)] + [
        f"without {word}" for word in _LACKING_EN.findall(text)
    ]
    return "".join(f" {phrase}" for phrase in lacked if phrase.casefold() not in text.casefold())


def describes_phishing(text: str) -> bool:
    """Whether ``text`` tells of a mail, text or call that claims to come from the shop, or of one that asks
    for a password or a click ("Ich hab eine Mail bekommen, angeblich von euch, ich soll über einen Link mein
    Passwort bestätigen."): the pages call that phishing, and the steps to reset a password are the wrong
    answer to it."""
    return bool(_CLAIMED.search(text) or (_WANTS.search(text) and (_RECEIVED.search(text) or _GENUINE.search(text))))


def with_countries(text: str, language: str) -> str:
    """Each town of ``data/places.tsv`` that ``text`` names as a destination, an origin or a home, followed by its
    country, unless the text names that country."""
    countries, pattern = _places(language)
    if not countries:
        return text

    def add(match: re.Match[str]) -> str:
        country = countries[match.group("place").casefold()]
        return match.group(0) if country.casefold() in text.casefold() else f"{match.group(0)} {country}"

    return pattern.sub(add, text)


@cache
def place_names() -> frozenset[str]:
    """The towns and countries of ``data/places.tsv``, folded: words that name where, never what."""
    return frozenset(fold(name) for row in _place_rows() for name in row)


HOME = "Deutschland"  # the country a question that names none is about: the shops deliver from Germany
_ABROAD = re.compile(
    r"\b(?:ausland\w*|ausländ\w*|international\w*|abroad|overseas|other countries|(?:welche|andere|alle) länder"
    r"|which countries|europa\w*|europe\w*|eu-?länder\w*|grenz\w*)\b",
    re.IGNORECASE,
)


def about_abroad(text: str) -> bool:
    """Whether ``text`` (a passage's heading and sentence) names countries, none of them the home country: the
    section on Austria, not the one on Germany or a list of all countries served."""
    named = countries_named(text)
    return bool(named) and HOME not in named


def asks_abroad(question: str) -> bool:
    """Whether a question is about other countries: it names one, or abroad as such ("ins Ausland", "welche Länder")."""
    return bool(countries_named(question)) or bool(_ABROAD.search(question))


def countries_named(text: str) -> frozenset[str]:
    """The countries of ``data/places.tsv`` that ``text`` names by their German or English name, each by its German
    name, also misspelt by a letter or two ("östareich"). A town is no country here: "in einer Filiale in München
    abholen" asks about a shop, not Germany."""
    names, pattern = _countries()
    found = {names[match.casefold()] for match in pattern.findall(text)}
    for word in _WORD.findall(text):
        if len(word) >= MIN_MISSPELT_COUNTRY and word.casefold() not in names:
            found.update(_misspelt_country(word.casefold()))
    return frozenset(found)


def _misspelt_country(word: str) -> set[str]:
    """The country a long word misspells: same first letter, one edit away (two where either has nine letters or
    more: "östreich")."""
    names, _ = _countries()
    found = set()
    for name, country in names.items():
        allowed = 2 if max(len(word), len(name)) >= 9 else 1
        if (
            name[:1] == word[:1]
            and abs(len(name) - len(word)) <= allowed
            and Levenshtein.distance(name, word, score_cutoff=allowed) <= allowed
        ):
            found.add(country)
    return found


def country_names(countries: frozenset[str]) -> list[str]:
    """The German and English names of countries given by their German names."""
    return sorted({name for row in _place_rows() if row[1] in countries for name in row[1:]})


@cache
def _countries() -> tuple[dict[str, str], re.Pattern[str]]:
    names = {spelt: row[1] for row in _place_rows() for name in row[1:] for spelt in _spellings(name.casefold())}
    alternatives = sorted((re.escape(name) for name in names), key=len, reverse=True)
    return names, re.compile(rf"(?<!\w)({'|'.join(alternatives)})s?(?!\w)", re.IGNORECASE)  # "Deutschlands"


def _spellings(name: str) -> set[str]:
    """A name as written, with its umlauts as "oe" and as "o" ("oesterreich", "osterreich")."""
    spelt = {name}
    for column in (0, 1):
        ascii_name = name
        for umlaut, replacements in _UMLAUTS.items():
            ascii_name = ascii_name.replace(umlaut, replacements[column])
        spelt.add(ascii_name)
    return spelt


_UMLAUTS = {"ä": ("ae", "a"), "ö": ("oe", "o"), "ü": ("ue", "u"), "ß": ("ss", "ss")}


@cache
def _place_rows() -> tuple[tuple[str, ...], ...]:
    rows = resources.files("heine_ai").joinpath("data/places.tsv").read_text(encoding="utf-8").splitlines()
    return tuple(tuple(row.split("\t")) for row in rows if row.strip() and not row.startswith("#"))


@cache
def _places(language: str) -> tuple[dict[str, str], re.Pattern[str]]:
    """Town (case-folded) to its country in ``language``, and the pattern that finds the towns, longest first."""
    column = {"de": 1, "en": 2}.get(language)
    fields = _place_rows()
    countries = {row[0].casefold(): row[column] for row in fields} if column else {}
    names = sorted((re.escape(row[0]) for row in fields), key=len, reverse=True)
    return countries, re.compile(rf"{_WHERE}(?P<place>{'|'.join(names)})(?!\w)", re.IGNORECASE)


def _standard(word: str) -> str:
    return STANDARD.get(word.lower(), word)
