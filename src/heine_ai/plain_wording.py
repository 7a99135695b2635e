"""A customer's question in the words a shop's page uses: standard German for dialect and everyday words.

Customers write "kann i des Packerl gratis zruckschicken?" or "kann man mit Karte zahlen?"; pages say "Paket",
"kostenlos", "zurückschicken", "Kreditkarte" and "bezahlen". The lexical side of a search already meets such
words through ``glossary.FAMILIES``, but multilingual-e5-small places the everyday wording further from the
section that answers it than the page's own words, and "zahlen" nearer to "Rückzahlung" than to "bezahlen". The
search embeds the plain wording as a second query (``knowledge/retrieval.py``) and the extractive answer chooses
its sentences for it. The list names what German-speaking customers of any shop say (Bavarian and Austrian forms
included), not one brand's pages; a word is replaced only as a whole word.
"""

from __future__ import annotations

import re

# fmt: off
STANDARD = {
    # Bavarian and Austrian
    "i": "ich", "zruck": "zurück", "zruckschicken": "zurückschicken", "zruckgeben": "zurückgeben",
    "packerl": "Paket", "packl": "Paket", "sackerl": "Tüte", "net": "nicht", "ned": "nicht", "hob": "habe",
    "mei": "mein", "mia": "wir", "ham": "haben", "nix": "nichts", "gschickt": "geschickt", "kriag": "kriege",
    "griag": "kriege", "bissl": "bisschen", "heit": "heute", "wos": "was", "wia": "wie", "eich": "euch",
    "enk": "euch", "griaß": "grüß",
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


def plain_wording(text: str, language: str) -> str:
    """``text`` with the page's words for dialect and everyday words (German); ``text`` itself otherwise."""
    if language != "de":
        return text
    return _WORD.sub(lambda match: _standard(match.group(0)), text)


def _standard(word: str) -> str:
    return STANDARD.get(word.lower(), word)
