"""Whether a message is a shop matter: the shop's words, the brand's words, and the abuse detector's word check."""

from __future__ import annotations

import numpy as np
import pytest

from heine_ai.assistant.follow_ups import refers_back
from heine_ai.assistant.insults import has_insult_word
from heine_ai.assistant.scope import (
    BrandVocabulary,
    asks_stock,
    asks_to_hold,
    bridged_by_names_only,
    names_shop_thing,
    names_shop_word,
    speaks_of_holding,
    speaks_of_stock,
)
from heine_ai.knowledge.index import BrandIndex
from heine_ai.providers.vectors import StoredChunk
from heine_ai.text import stems

BRAND = frozenset(
    stems("Wir liefern nach Österreich in 4 bis 6 Werktagen. Gutscheine können Sie im Warenkorb einlösen.")
)


@pytest.mark.parametrize(
    "text",
    [
        "Gibt es den Strickmantel Liv auch in Petrol?",  # a compound of the goods
        "Was kosten die Versandkosten?",
        "Habt ihr die Jeans noch in 32/34?",
        "kann i des Packerl zruckschicken?",
        "Can I get a refund?",
        "Do you sell gift cards?",
        "Where are my orders?",
        "40345678",  # a keyed-in order number or postcode is about an order, never out of scope
        "50667",
        "Meine Bestellung ist 40345678",
        "Wann habt ihr den Teppich Mira wieder da?",  # home goods, and a question on stock
        "Gibt es bei Ihnen auch Kinderwagen und Autositze?",  # a question on the range, whatever the goods
        "Nehmt ihr American Express?",  # a means of payment, which the intent model read as travel or finance
        "Chan ich mit TWINT zahle?",
        "Gibt es den Chelsea-Boot Fehrbach auch in Dunkelgrün?",  # an article in a colour
        "Wie lange dauert bei Ihnen eine Neubesohlung?",  # the workshop's work on shoes
        "Wie lange ist ein Packet nach Östereich unterwegs?",  # a shop word misspelt by one letter
    ],
)
def test_the_shops_words_name_a_shop_matter_for_any_brand(text: str) -> None:
    assert names_shop_word(text)
    assert names_shop_thing(text, frozenset())


@pytest.mark.parametrize(
    "text",
    [
        "Und was läuft heute Abend im Kino?",
        "What's the capital of Australia?",
        "Can you recommend a good pizza place in Vienna?",
        "Write me a short poem about autumn, please.",
        "Can you help me fill out my tax return?",  # "return" in a sense no shop handles
        "Ich weiß nicht, wer die WM gewonnen hat. Weißt du es?",  # "weiß" is knowing, no colour
        "Welche Apotheke in Bad Hersfeld hat heute Notdienst?",
        "Should I invest in stocks or in bonds right now?",  # "stock" in a sense no shop handles
        "Is the coastal road from Rostock to Wismar nice by bike?",  # a town ending in a shop word
    ],
)
def test_a_question_of_no_shop_names_nothing_of_the_shop_nor_of_the_brand(text: str) -> None:
    assert not names_shop_thing(text, BRAND)


def test_the_brands_own_words_name_a_shop_matter() -> None:
    """The word "einlösen" is no word of every shop, but this brand's knowledge speaks of it."""
    assert not names_shop_word("und kann ich zwei gleichzeitig einlösen?")
    assert names_shop_thing("und kann ich zwei gleichzeitig einlösen?", BRAND)
    assert names_shop_thing("und nach Österreich?", BRAND)


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        ("Und wie lange dauert das?", True),
        ("and how long does that take?", True),
        ("Und was läuft heute Abend im Kino?", False),
        ("Wie wird das Wetter?", False),  # "das Wetter" names a thing of its own
    ],
)
def test_a_follow_up_that_points_back_is_told_from_one_with_a_subject_of_its_own(text: str, refers: bool) -> None:
    assert refers_back(text) is refers


@pytest.mark.parametrize(
    "text",
    [
        "Was für ein Scheißladen",
        "Euer Laden ist der letzte Dreck",
        "This shop is garbage",
        "You useless clowns",
        "Du dämlicher Blechkasten, geh mir nicht auf den Geist.",
    ],
)
def test_words_of_contempt_are_found_in_any_case_and_in_compounds(text: str) -> None:
    assert has_insult_word(text)


@pytest.mark.parametrize(
    "text",
    [
        "Servus, kann i des Packerl aus Wien gratis zruckschicken?",
        "Grüezi, chan ich s Päckli gratis zruggschicke?",
        "Die Hose passt leider nicht, wie schicke ich sie zurück?",
        "Can I return my dress for free?",
    ],
)
def test_calm_dialect_and_calm_questions_hold_no_word_of_contempt(text: str) -> None:
    assert not has_insult_word(text)


def test_a_brands_short_everyday_verbs_name_no_shop_matter() -> None:
    chunk = StoredChunk(
        id="c1",
        text="Holen Sie das Paket nicht ab, geht es an uns zurück. Gutscheine können Sie im Warenkorb einlösen.",
        metadata={"title": "Lieferung", "section": "Abholung", "language": "de"},
    )
    index = BrandIndex([chunk], np.zeros((1, 4), np.float32), np.zeros((0, 4), np.float32), [], version=1)
    words = BrandVocabulary().of("heine", index)
    assert not names_shop_thing("soll ich mir eher eine Katze oder einen Hund holen?", words)
    assert names_shop_thing("und kann ich zwei gleichzeitig einlösen?", words)  # a long word of the page
    assert names_shop_thing("und wann geht das Paket zurück?", words)  # a noun of the page


def test_places_beside_other_words_and_a_pages_adjectives_name_no_shop_matter() -> None:
    chunk = StoredChunk(
        id="c1",
        text="Wir versenden aus Leipzig nach Österreich. Waschen Sie Wolle richtigen Temperaturen.",
        metadata={"title": "Versand", "section": "Lager", "language": "de"},
    )
    english = StoredChunk(
        id="c2", text="Delivery times to Belgium are four days.", metadata={"title": "Delivery", "language": "en"}
    )
    index = BrandIndex([chunk, english], np.zeros((2, 4), np.float32), np.zeros((0, 4), np.float32), [], version=1)
    words = BrandVocabulary().of("lindenhof", index)
    assert not names_shop_thing("Wann fährt heute der letzte Zug von Leipzig nach Dresden?", words)
    assert not names_shop_thing("Und wer wird heuer österreichischer Fußballmeister?", words)
    assert not names_shop_thing("Wie backt man einen richtigen Zwiebelkuchen?", words)  # an adjective of the page
    assert not names_shop_thing("What is 17 times 23?", words)  # a short word of an English page
    assert names_shop_thing("und nach Österreich?", words)  # a place alone: the shop's dealings with it
    assert names_shop_thing("Wann kann ich Temperaturen aus Leipzig sehen?", words)  # a page noun beside a place


@pytest.mark.parametrize(
    ("text", "stock"),
    [
        ("Habt ihr die Fleecejacke Pleiße noch in XL da?", True),
        ("Wann ist die Daunenjacke Elster in Größe 40 wieder lieferbar?", True),
        ("Will the wool trousers be back in stock in size 40?", True),
        ("Habt ihr das Dirndl Almrausch in Größe 38 noch lagernd?", True),  # Austrian
        ("Kriegt ihr bald wieder Wanderstiefel in 43 rein?", True),  # goods coming in again
        ("Are you going to restock the rain jacket in navy?", True),
        ("Will you get any more fleece vests before winter?", True),
        ("Wann kommt mein Paket rein?", False),  # a parcel, no article
        ("Wann kommen die neuen Wintermäntel rein?", True),
        ("Wie komme ich jetzt wieder in mein Konto rein?", False),  # the customer comes in
        ("How can I get more information about returns?", False),
        ("Die Jacke ist laut Shop auf Lager. Ist sie morgen da, wenn ich Express wähle?", False),  # said, not asked
        ("wie lang dauert ne lieferung wenn dat kleid auf lager is", False),  # a condition
        ("Wenn ich heute bestelle, ist die Bluse dann noch vorrätig?", True),
        ("Ist die Lieferung nach Österreich möglich?", False),
        ("Welche Größe brauche ich bei 95 cm Brustumfang?", False),
        ("Wie schnell ist mein Geld nach der Rücksendung wieder da?", False),  # money, no article
    ],
)
def test_a_question_on_an_articles_stock_is_told_apart(text: str, stock: bool) -> None:
    assert asks_stock(text) is stock


def test_a_page_speaks_of_stock_or_not() -> None:
    assert speaks_of_stock("Ist ein Artikel ausverkauft, informieren wir Sie, sobald er wieder lieferbar ist.")
    assert not speaks_of_stock("Outdoorjacken sind so geschnitten, dass eine Fleecejacke darunter passt.")


def test_a_question_meets_pages_in_another_language_only_through_the_glossarys_terms() -> None:
    # the shop's address in Augsburg is no answer to a request no page speaks of
    assert bridged_by_names_only("Can you recommend a good paediatrician in Augsburg?", "en", ["de", "de"])
    assert not bridged_by_names_only("How long does delivery to Augsburg take?", "en", ["de"])
    assert not bridged_by_names_only("Can you recommend a good paediatrician in Augsburg?", "en", ["de", "en"])


@pytest.mark.parametrize(
    ("text", "hold"),
    [
        ("Könnt ihr mir die Bluse Hedda in Größe 40 bis Freitag zurücklegen?", True),
        ("Koennten Sie mir bitte die Seidenbluse in Gr. 42 bis naechste Woche reservieren?", True),
        ("Could you hold the coat for me until Friday?", True),
        ("Kann ich den Artikel zurückschicken?", False),
        ("Wie lege ich ein Kundenkonto an?", False),
    ],
)
def test_a_request_to_hold_an_article_is_told_apart(text: str, hold: bool) -> None:
    # such a request gets the colleague offer unless a page speaks of holding goods: the shop's opening hours, the
    # nearest page to "im Laden in Prien zurücklegen", are no answer to it
    assert asks_to_hold(text) is hold


def test_a_page_speaks_of_holding_goods_or_not() -> None:
    assert speaks_of_holding("Bei Vorkasse reservieren wir die Ware 8 Tage lang.")
    assert not speaks_of_holding("Montag bis Freitag 9:30 bis 18:30 Uhr, Samstag 9:30 bis 16:00 Uhr.")
