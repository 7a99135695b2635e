"""The plain wording of a question: the words a shop's page uses for dialect and everyday words."""

from __future__ import annotations

import pytest

from heine_ai.plain_wording import countries_named, describes_phishing, plain_wording

CASES = [
    ("Servus, kann i des Packerl gratis zruckschicken?", "Servus, kann ich des Paket kostenlos zurückschicken?"),
    ("kann man bei euch mit karte zahlen??", "kann man bei euch mit Kreditkarte bezahlen??"),
    ("Kann ich die Hose tauschen?", "Kann ich die Hose umtauschen?"),
    # one size up or down is another size, as exchange pages say; not the size tables
    ("Kann ich sie gegen eine Nummer größer tauschen?", "Kann ich sie gegen eine andere Größe umtauschen?"),
    ("Kann ich den gegen eine größere Größe umtauschen?", "Kann ich den gegen eine andere Größe umtauschen?"),
    # whole words only: "Zahlung", "Karten" and "Geschenkkarte" are the page's own words already
    ("Welche Zahlungsarten gibt es für Geschenkkarten?", "Welche Zahlungsarten gibt es für Geschenkkarten?"),
    ("Wann bekomme ich mein Geld zurück?", "Wann bekomme ich mein Geld zurück?"),
    # Bavarian "des" is standard German's genitive article: left as it is
    ("Was kostet der Versand des Pakets?", "Was kostet der Versand des Pakets?"),
    # Bavarian, Swiss German and Saxon as customers type them
    ("wia lang dauat de lieferung", "wie lang dauert de lieferung"),
    ("Chan ich bi öich mit TWINT zahle?", "kann ich bei euch mit TWINT bezahlen?"),
    ("derf i des in d'waschmaschin toa?", "darf ich des in d'waschmaschin tun?"),
    ("de hose vom gleenen bassd ni", "de hose vom kleinen passt nicht"),
    ("gibt's bei eich au Lastschrift?", "gibt's bei euch auch Lastschrift?"),  # Swabian "au"
]


@pytest.mark.parametrize(("text", "plain"), CASES, ids=[c[0] for c in CASES])
def test_plain_wording(text: str, plain: str) -> None:
    assert plain_wording(text, "de") == plain


def test_english_stays_as_written() -> None:
    assert (
        plain_wording("I want to return it for free, is that net?", "en")
        == "I want to return it for free, is that net?"
    )


def test_a_town_brings_its_country_the_word_a_shipping_page_uses() -> None:
    assert plain_wording("Schickt ihr auch Pakete nach Zürich?", "de") == "Schickt ihr auch Pakete nach Zürich Schweiz?"
    assert (
        plain_wording("wie lange braucht ein paket nach graz", "de")
        == "wie lange braucht ein paket nach graz Österreich"
    )
    assert plain_wording("Do you ship to Vienna?", "en") == "Do you ship to Vienna Austria?"
    assert plain_wording("Lieferung nach Wien in Österreich?", "de") == "Lieferung nach Wien in Österreich?"  # named
    assert plain_wording("Was gibt es heute zum Essen?", "de") == "Was gibt es heute zum Essen?"  # no town
    assert plain_wording("und für südtirol?", "de") == "und für südtirol Italien?"  # a region, after "für"
    assert plain_wording("was kostet versand nach holland?", "de") == "was kostet versand nach holland Niederlande?"
    # where the customer is: "bin über den Winter in Innsbruck ... was kostet n Paket dahin?"
    assert plain_wording("bin über den winter in innsbruck", "de") == "bin über den winter in innsbruck Österreich"
    assert (
        plain_wording("Kann ich es bei euch in Bielefeld abgeben?", "de")
        == "Kann ich es bei euch in Bielefeld abgeben?"
    )


@pytest.mark.parametrize(
    ("text", "phishing"),
    [
        ("Ich hab eine Mail bekommen, angeblich von euch, ich soll über einen Link mein Passwort bestätigen.", True),
        ("Die Mail sieht so aus, als käme sie von euch. Mein Passwort soll ich über einen Link bestätigen.", True),
        ("da steht, ich soll mein Passwort über einen Link bestätigen, ist das echt?", True),
        ("I got an email asking me to confirm my password, is it real?", True),
        ("Wie lange ist der Link zum Zurücksetzen des Passworts gültig?", False),  # the reset itself
        ("Ich habe die Mail mit dem Link zum Zurücksetzen nicht bekommen.", False),
        ("Ist das echtes Leder?", False),
    ],
)
def test_a_message_in_the_shops_name_wanting_a_password_is_called_phishing(text: str, phishing: bool) -> None:
    assert describes_phishing(text) is phishing
    assert plain_wording(text, "de").endswith(" Phishing") is phishing


def test_what_the_customer_lacks_is_searched_as_the_way_without_it() -> None:
    assert plain_wording("Ich habe keinen Drucker zu Hause. Wie schicke ich es zurück?", "de").endswith(" ohne Drucker")
    assert plain_wording("I don't have a printer. How do I return it?", "en").endswith(" without printer")
    assert plain_wording("Ich habe keine Zeit", "de") == "Ich habe keine Zeit"  # a short word: no thing to do without


def test_one_size_up_in_english_is_another_size() -> None:
    assert plain_wording("Can I swap it for a bigger size?", "en") == "Can I swap it for another size?"


def test_a_defect_in_everyday_words_is_searched_as_the_pages_name_it() -> None:
    assert plain_wording("Bei der Bluse ist die Naht aufgegangen.", "de").endswith(" Mangel Reklamation")
    assert plain_wording("The seam came undone after one wash.", "en").endswith(" defect complaint")
    assert plain_wording("Ist der Stoff fleckenabweisend?", "de") == "Ist der Stoff fleckenabweisend?"


def test_countries_are_named_in_german_english_and_without_umlauts() -> None:
    assert countries_named("Liefert ihr nach Belgien oder Belgium?") == {"Belgien"}
    assert countries_named("Kann ich die Bestellung in einer Filiale in München abholen?") == frozenset()
    assert countries_named("versand nach oesterreich und Osterreich") == {"Österreich"}
    assert countries_named("Alle Bestellungen innerhalb Deutschlands") == {"Deutschland"}
    assert countries_named("Wie lange dauert die Lieferung?") == frozenset()
    # misspelt by a letter or two, as typed or spoken: "östareich", "Frankreisch"; a short word never
    assert countries_named("wia lang dauat de liafarung noch östareich") == {"Österreich"}
    assert countries_named("liefert ihr nach frankreisch?") == {"Frankreich"}
    assert countries_named("wie lang brauch paket nach östreich??") == {"Österreich"}  # two short of the name
    assert countries_named("Kann ich das Paket holen?") == frozenset()  # not "Polen"
    assert countries_named("Ist das italienisch?") == frozenset()
