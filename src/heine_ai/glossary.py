"""A bilingual vocabulary of customer service, so an English question meets a German page and the reverse.

multilingual-e5-small places an English question near its German answer, but not far enough from the other
pages of the same shop: for "How long do I have to send something back?" the delivery page's sentence scored
0.846 and the returns page's 0.83, and the lexical signals that separate them for a German question find no
shared word. The words of this list are what customers of any shop ask about (returns, delivery, payment,
account, sizes, vouchers, contact, countries, units of time), not the wording of one brand's pages. They are
added to the lexical side of a search (BM25 and the relevance's coverage) and to the extractive answer's choice
of sentences; the query vector stays the question's own, so this costs no embedding.
"""

from __future__ import annotations

import re
from functools import lru_cache

from heine_ai.text import fold, light_stem, unfold_infix, word_forms

# (English words or phrases, German words): every entry works both ways. Phrases are matched on folded words;
# a German word matches a question word it begins (a compound's head: "Rücksendung" in "Rücksendungen").
# fmt: off
PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("return", "returns", "returning", "send back", "send it back", "send something back"),
     ("Rücksendung", "Retoure", "zurückschicken", "zurücksenden")),
    (("exchange", "swap"), ("Umtausch", "umtauschen")),
    (("refund", "refunds", "money back", "reimburse"), ("Erstattung", "Rückzahlung", "erstatten", "Geld")),
    (("shipping", "postage", "delivery costs", "shipping costs"), ("Versand", "Versandkosten", "Porto")),
    (("delivery", "deliver", "delivered", "arrive", "ship", "shipped"), ("Lieferung", "liefern", "Lieferzeit")),
    (("express",), ("Express", "Expresslieferung")),
    (("parcel", "package"), ("Paket", "Sendung")),
    (("tracking",), ("Sendungsnummer", "Sendungsverfolgung")),
    (("cost", "costs", "price", "fee", "charge", "how much"), ("kostet", "Kosten", "Preis", "Gebühr", "Pauschale")),
    (("free", "for free", "free of charge"), ("kostenlos", "kostenfrei", "versandkostenfrei", "gratis")),
    (("pay", "payment", "payment methods", "paying"), ("bezahlen", "zahlen", "Zahlung", "Zahlungsarten")),
    (("invoice", "bill", "on account"), ("Rechnung", "Rechnungskauf")),
    (("instalments", "installments", "instalment", "installment"), ("Raten", "Ratenkauf", "Ratenzahlung")),
    (("credit card",), ("Kreditkarte",)),
    (("cash on delivery",), ("Nachnahme",)),
    (("direct debit",), ("Lastschrift",)),
    (("prepayment", "bank transfer"), ("Vorkasse", "Überweisung")),
    (("order", "orders", "ordered"), ("Bestellung", "bestellen")),
    (("cancel", "cancellation"), ("stornieren", "Stornierung")),
    (("change", "modify", "edit"), ("ändern", "Änderung")),
    (("account", "customer account"), ("Kundenkonto", "Konto")),
    (("password",), ("Passwort",)),
    (("email", "e-mail", "email address"), ("E-Mail", "E-Mail-Adresse")),
    (("address",), ("Adresse", "Anschrift", "Lieferadresse")),
    (("size", "sizes"), ("Größe", "Größen")),
    (("size chart", "size table"), ("Größentabelle",)),
    (("chest",), ("Brustumfang", "Brust")),
    (("waist",), ("Taille", "Taillenumfang", "Bundweite")),
    (("hips", "hip"), ("Hüfte", "Hüftumfang")),
    (("collar",), ("Kragenweite",)),
    (("inside leg", "inseam"), ("Innenbeinlänge",)),
    (("voucher", "vouchers", "coupon", "discount code"), ("Gutschein", "Gutscheincode")),
    (("gift card", "gift cards", "gift voucher"), ("Geschenkkarte", "Geschenkgutschein")),
    (("valid", "validity", "expire", "expires"), ("gültig", "Gültigkeit")),
    (("damaged", "broken", "defective", "faulty"), ("beschädigt", "Schaden", "defekt", "Reklamation")),
    (("complaint", "complain"), ("Reklamation", "Beschwerde")),
    (("wrong item",), ("falscher Artikel",)),
    (("phone", "telephone", "call", "hotline", "by phone"), ("Telefon", "telefonisch", "Hotline", "anrufen")),
    (("opening hours", "hours", "open", "reachable", "available"), ("Servicezeiten", "erreichen", "Uhr")),
    (("contact", "reach"), ("Kontakt", "erreichen")),
    (("saturday", "saturdays"), ("Samstag", "samstags", "Sa")),
    (("sunday", "sundays", "public holiday", "public holidays"), ("Sonntag", "sonntags", "Feiertag", "Feiertage")),
    (("weekday", "weekdays"), ("Werktag", "werktags", "Montag bis Freitag")),
    (("weekend",), ("Wochenende", "Samstag", "Sonntag")),
    (("customer service",), ("Kundenservice",)),
    (("withdrawal", "withdraw", "right of withdrawal"), ("Widerruf", "widerrufen", "Widerrufsrecht")),
    (("data protection", "privacy", "personal data"), ("Datenschutz", "Daten")),
    (("delete", "deletion"), ("löschen", "Löschung")),
    (("newsletter",), ("Newsletter",)),
    (("wash", "washing", "care"), ("waschen", "Pflege")),
    (("cashmere",), ("Kaschmir",)),
    (("wool",), ("Wolle",)),
    (("dress",), ("Kleid",)),
    (("trousers", "pants"), ("Hose", "Hosen")),
    (("shirt",), ("Hemd",)),
    (("coat",), ("Mantel",)),
    (("skirt",), ("Rock",)),
    (("jacket",), ("Jacke",)),
    (("suit",), ("Anzug",)),
    (("blazer", "sports jacket", "sport coat"), ("Sakko",)),
    (("gloves", "glove size"), ("Handschuhe", "Handschuhgröße")),
    (("hand circumference",), ("Handumfang",)),
    (("socks",), ("Socken", "Strümpfe")),
    (("shoes", "running shoes"), ("Schuhe", "Laufschuhe")),
    (("shoe size",), ("Schuhgröße",)),
    (("cycling shorts", "bib shorts"), ("Radhose",)),
    (("tights", "leggings"), ("Tights", "Leggings")),
    (("jersey",), ("Trikot",)),
    (("tumble dryer", "dryer", "tumble dry"), ("Trockner",)),
    (("iron", "ironing"), ("bügeln",)),
    (("fabric softener",), ("Weichspüler",)),
    (("return period", "return window"), ("Rückgabefrist", "Rückgaberecht")),
    (("label", "return label"), ("Label", "Retourenlabel")),
    (("printer", "print"), ("Drucker", "drucken")),
    (("germany",), ("Deutschland",)),
    (("austria",), ("Österreich",)),
    (("switzerland", "swiss"), ("Schweiz",)),
    (("abroad", "other countries", "countries"), ("Ausland", "Länder")),
    (("customs", "duty", "duties"), ("Zoll", "verzollt")),
    (("how long", "how many days", "time limit", "deadline"), ("wie lange", "Frist", "Tage")),
    (("days",), ("Tage", "Werktage")),
    (("working days", "business days"), ("Werktage",)),
    (("weeks",), ("Wochen",)),
    (("months",), ("Monate",)),
    (("hours",), ("Stunden",)),
    (("years",), ("Jahre",)),
    (("reason",), ("Grund", "Gründen")),
    (("store", "shop", "branch"), ("Filiale", "Geschäft")),
    (("stock", "in stock", "available"), ("vorrätig", "verfügbar", "lieferbar")),
)
# fmt: on
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_PREFIX = 4  # a German word of the list matches a longer question word only from this length on


def _words(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


@lru_cache(maxsize=1)
def _english() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The list with its English phrases as folded words joined by single spaces."""
    return tuple((tuple(" ".join(_words(phrase)) for phrase in en), de) for en, de in PAIRS)


def german_words(english_text: str) -> list[str]:
    """German words for the customer-service terms of an English text ("Can I pay by invoice?" -> bezahlen, ...,
    Rechnung, Rechnungskauf), each term once, in the order of the list."""
    padded = f" {' '.join(_words(english_text))} "
    out: list[str] = []
    for phrases, german in _english():
        if any(f" {phrase} " in padded for phrase in phrases):
            out.extend(word for word in german if word not in out)
    return out


def english_words(german_text: str) -> list[str]:
    """English words for the customer-service terms of a German text ("Rücksendungen" -> return, returns, ...)."""
    words = _words(german_text)
    out: list[str] = []
    for english, german in PAIRS:
        targets = [fold(word) for word in german]
        if any(w == t or (len(t) >= MIN_PREFIX and w.startswith(t)) for w in words for t in targets):
            out.extend(phrase for phrase in english if phrase not in out)
    return out


def concepts(text: str, into: str) -> list[list[str]]:
    """The terms of ``text`` as the coverage of a search counts them: per list entry that ``text`` names, that
    entry's words in ``into``; every other content word alone, as it stands ("dress" stays "dress")."""
    words = _words(text)
    covered: set[int] = set()
    out: list[list[str]] = []
    for english, german in PAIRS:
        source, target = (english, german) if into == "de" else (german, english)
        found = _positions(words, source, prefix=into != "de")
        if found:
            covered |= found
            out.append(list(target))
    out.extend([word] for i, word in enumerate(words) if i not in covered)
    return out


def _positions(words: list[str], phrases: tuple[str, ...], *, prefix: bool) -> set[int]:
    """The positions of ``words`` that one of ``phrases`` covers (German words also as a compound's head)."""
    found: set[int] = set()
    for phrase in phrases:
        parts = _words(phrase)
        for start in range(len(words) - len(parts) + 1):
            window = words[start : start + len(parts)]
            if window == parts or (
                prefix and len(parts) == 1 and len(parts[0]) >= MIN_PREFIX and window[0].startswith(parts[0])
            ):
                found.update(range(start, start + len(parts)))
    return found


def translated_terms(text: str, into: str) -> list[str]:
    """The vocabulary of ``text`` in the language ``into`` ("de" or "en"); nothing for any other."""
    if into == "de":
        return german_words(text)
    if into == "en":
        return english_words(text)
    return []


# Families of German words for one thing of customer service, as customers and pages say it differently: a customer
# "schickt etwas zurück", the page is headed "Rücksendung"; "Kann ich mit Karte zahlen?" meets "Zahlungsarten".
# Each family is German within German (Austrian and Swiss words included) and names no brand's wording. A question
# word is in a family when it begins with the light stem (``text.light_stem``) of one of its words.
# fmt: off
FAMILIES: tuple[tuple[str, ...], ...] = (
    ("zurückschicken", "zurücksenden", "zurückgeben", "zurückbringen", "Rücksendung", "Rückgabe", "Retoure",
     "retournieren", "Rückversand", "Rücksendeschein", "Retourenlabel"),
    ("umtauschen", "tauschen", "austauschen", "Umtausch"),
    ("erstatten", "Erstattung", "zurückerstatten", "Rückerstattung", "Rückzahlung", "Gutschrift"),
    ("liefern", "Lieferung", "Lieferzeit", "zustellen", "Zustellung", "Versand", "versenden", "verschicken",
     "unterwegs"),
    ("Standard", "Standardversand", "Standardlieferung", "normalerweise", "üblicherweise", "regulär"),
    ("Paket", "Päckchen", "Packerl", "Packet", "Sendung"),
    ("Porto", "Versandkosten", "Rücksendekosten"),
    ("kostenlos", "kostenfrei", "gratis", "umsonst", "versandkostenfrei", "gebührenfrei"),
    ("Kosten", "Preis", "Gebühr"),
    ("bezahlen", "zahlen", "Zahlung", "Bezahlung", "Zahlungsart", "Zahlungsmethode", "Zahlungsmittel",
     "Bezahlmöglichkeit", "Bezahlmethode"),
    ("Kreditkarte", "Karte", "Visa", "Mastercard"),
    ("Rechnung", "Rechnungskauf"),
    ("Ratenkauf", "Ratenzahlung", "Raten", "Teilzahlung"),
    ("stornieren", "Stornierung", "Storno", "abbestellen"),
    ("reklamieren", "Reklamation", "beschädigt", "kaputt", "defekt", "mangelhaft", "Mangel", "fehlerhaft"),
    ("beschweren", "Beschwerde"),
    ("Frist", "Zeitraum", "Rückgabefrist"),
    ("Dauer", "dauern"),
    ("Kundenkonto", "Konto", "Kundenkontos", "Account", "Profil", "anmelden", "einloggen", "Login"),
    ("Passwort", "Kennwort"),
    ("Gutschein", "Gutscheincode", "Rabattcode", "Aktionscode", "Aktionsgutschein", "Coupon"),
    ("Geschenkkarte", "Geschenkgutschein", "Wertgutschein"),
    ("anrufen", "Telefon", "telefonisch", "Hotline", "telefonieren"),
    ("erreichen", "Kontakt", "kontaktieren", "Servicezeiten", "Öffnungszeiten"),
    ("Adresse", "Anschrift", "Lieferadresse"),
    ("bestellen", "Bestellung", "Auftrag"),
    ("ändern", "Änderung", "abändern"),
    ("löschen", "Löschung", "entfernen"),
    ("Größe", "Konfektionsgröße", "Kleidergröße"),
    ("waschen", "Wäsche", "Pflege", "pflegen", "reinigen", "Reinigung"),
    ("Widerruf", "widerrufen", "Widerrufsrecht", "zurücktreten", "Rücktritt"),
)
# fmt: on


@lru_cache(maxsize=1)
def _family_stems() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(light_stem(word) for word in family) for family in FAMILIES)


def _families_of(form: str) -> list[int]:
    """The families one folded word form belongs to: it begins with the light stem of one of their words."""
    return [i for i, family in enumerate(_family_stems()) if any(form.startswith(stem) for stem in family)]


def kin(text: str) -> list[str]:
    """The words of the families that the words of ``text`` belong to, those ``text`` does not already hold, in
    the order of the list: "Wie schicke ich es zurück?" -> zurücksenden, ..., Rücksendung, Rückgabe, Retoure, ..."""
    forms = word_forms(text)
    out: list[str] = []
    for index in dict.fromkeys(i for form in forms for i in _families_of(form)):
        for word, stem in zip(FAMILIES[index], _family_stems()[index], strict=True):
            if word not in out and not any(form.startswith(stem) for form in forms):
                out.append(word)
    return out


def word_kin(word: str) -> list[str]:
    """The word and the words of its families ("zurückzuschicken" -> zurückzuschicken, zurückschicken, ...)."""
    out = [word]
    for index in _families_of(unfold_infix(fold(word))):
        out.extend(member for member in FAMILIES[index] if member not in out)
    return out
