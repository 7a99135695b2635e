"""The extractive answer as the customer reads it: yes or no first, every part answered, the frame varied."""

from __future__ import annotations

from heine_ai.config import load_brand
from heine_ai.providers.llm.base import AnswerRequest, Passage, Turn
from heine_ai.providers.llm.extractive import ExtractiveLLM
from heine_ai.providers.llm.polarity import polarity
from tests.support.installations import BRANDS

BRAND = load_brand(BRANDS / "heine.yaml")
PAYMENT = Passage(
    title="Bezahlmöglichkeiten",
    url="/bezahlen",
    relevance=0.95,
    language="de",
    section="Welche Zahlungsarten bieten Sie nicht an?",
    text=(
        "PayPal bieten wir nicht an. Wir haben uns für Klarna als Partner entschieden. "
        "Sie können mit Kreditkarte oder auf Rechnung bezahlen."
    ),
)
INVOICE = Passage(
    title="Bezahlmöglichkeiten",
    url="/bezahlen",
    relevance=0.97,
    language="de",
    section="Kauf auf Rechnung",
    text=(
        "Sie können bequem auf Rechnung kaufen. Sie bezahlen erst innerhalb von 30 Tagen nach dem Versand. "
        "Bei Lieferungen in die Schweiz und an Packstationen ist der Rechnungskauf leider nicht möglich."
    ),
)
SHIPPING = Passage(
    title="Versand",
    url="/versand",
    relevance=0.93,
    language="de",
    section="Was kostet der Versand in Deutschland?",
    text=(
        "Innerhalb Deutschlands liefern wir mit DHL. Für eine Lieferung innerhalb Deutschlands berechnen wir "
        "4,90 € Versandkosten pro Bestellung. Ab einem Bestellwert von 60 € liefern wir versandkostenfrei."
    ),
)
RETURNS = Passage(
    title="Retoure und Umtausch",
    url="/retoure",
    relevance=0.9,
    language="de",
    section="Was kostet die Rücksendung?",
    text=(
        "Innerhalb Deutschlands ist die Rücksendung für Sie kostenlos: Das Porto übernehmen wir. "
        "Für Rücksendungen aus der Schweiz berechnen wir eine Pauschale von 7,90 €."
    ),
)


async def answer(question: str, *passages: Passage, language: str = "de", history: tuple[Turn, ...] = ()) -> str:
    request = AnswerRequest(question, passages, BRAND, history, language=language)
    return (await ExtractiveLLM().answer(request)).text


async def test_a_yes_no_question_gets_its_no_first() -> None:
    text = await answer("Kann ich bei euch mit PayPal bezahlen?", PAYMENT)
    assert text.startswith("Nein, PayPal bieten wir nicht an.")
    assert "Gerne helfe ich" not in text


async def test_a_no_to_one_of_a_list_of_ways_not_to_pay_names_only_that_one() -> None:
    methods = Passage(
        title="Zahlungsarten",
        url="/zahlungsarten",
        relevance=0.95,
        language="de",
        section="Diese Zahlungsarten bieten wir nicht an",
        text="Apple Pay, Google Pay, Klarna, Ratenkauf bzw. Finanzierung, Nachnahme und TWINT können wir leider nicht "
        "anbieten.",
    )
    text = await answer("Kann ich bei Ihnen mit Apple Pay bezahlen?", methods)
    assert text.startswith("Nein, Apple Pay können wir leider nicht anbieten.")
    assert "TWINT" not in text


async def test_bad_news_without_a_decided_no_opens_without_the_cheerful_intro() -> None:
    exchange = Passage(
        title="Rücksendung",
        url="/retoure",
        relevance=0.95,
        section="Umtausch",
        text="Einen direkten Umtausch bieten wir nicht an. Bestellen Sie die neue Größe einfach neu.",
    )
    text = await answer("Kann ich die Wanderhose gegen eine Nummer größer umtauschen?", exchange)
    assert text.startswith("Einen direkten Umtausch bieten wir nicht an.")


async def test_a_yes_no_question_gets_its_yes_not_the_exception() -> None:
    text = await answer("Kann ich auf Rechnung bezahlen?", INVOICE)
    assert text.startswith("Ja, Sie können bequem auf Rechnung kaufen.")
    assert "30 Tagen" in text
    assert "Nein" not in text


async def test_a_price_question_gets_the_price_and_both_parts_are_answered() -> None:
    text = await answer("Was kostet der Versand und ab welchem Betrag ist er kostenlos?", SHIPPING)
    assert "4,90 €" in text and "60 €" in text


async def test_a_free_return_is_a_yes_in_english_framing() -> None:
    text = await answer("Can I return my dress for free?", RETURNS, language="en")
    assert text.startswith("Yes.")
    assert "kostenlos" in text and "“Retoure und Umtausch”" in text
    assert "No," not in text and "No." not in text


async def test_the_frame_varies_and_repeats_no_page_it_just_named() -> None:
    first = await answer("Was kostet der Versand?", SHIPPING)
    assert first.startswith("Gerne helfe ich Ihnen weiter.") and first.endswith("Mehr dazu finden Sie unter „Versand“.")
    history = (Turn("customer", "Was kostet der Versand?"), Turn("assistant", first))
    again = await answer("Und ab welchem Betrag ist er kostenlos?", SHIPPING, history=history)
    assert not again.startswith("Gerne helfe ich") and "„Versand“" not in again
    other = await answer("Was kostet eine Rücksendung aus der Schweiz?", RETURNS, history=history)
    assert "7,90 €" in other and other.endswith("Nachzulesen unter „Retoure und Umtausch“.")


async def test_the_answer_reports_the_passages_it_quoted() -> None:
    question = "Was kostet der Versand und was kostet eine Rücksendung aus der Schweiz?"
    result = await ExtractiveLLM().answer(AnswerRequest(question, (SHIPPING, RETURNS), BRAND))
    assert result.used == (0, 1) and "4,90 €" in result.text and "7,90 €" in result.text
    single = await ExtractiveLLM().answer(AnswerRequest("Was kostet der Versand?", (SHIPPING, RETURNS), BRAND))
    assert single.used == (0,)


def test_a_conditional_sentence_is_no_no() -> None:
    sentence = "Steht die Rechnung nicht zur Verfügung, können Sie mit Kreditkarte oder PayPal bezahlen."
    assert polarity("Kann ich auf Rechnung bezahlen?", sentence) is None


async def test_a_pages_own_yes_or_no_is_not_quoted_as_the_answer() -> None:
    returns = Passage(
        title="Returns",
        url="/en/returns",
        relevance=0.9,
        language="en",
        text="No, returning an item costs you nothing: returns are free of charge for you.",
    )
    text = await answer("Can I return my dress for free?", returns, language="en")
    assert text.startswith("Yes, returning an item costs you nothing")
    assert "No," not in text


async def test_a_page_in_another_language_is_announced_once_for_all_the_parts_it_answers() -> None:
    contact = Passage(
        title="Kontakt",
        url="/kontakt",
        relevance=0.95,
        language="de",
        section="Telefon",
        text="Telefon: 08041 793 30.\nServicezeiten: Montag bis Freitag 8 bis 17 Uhr, Samstag 9 bis 12 Uhr.",
    )
    text = await answer("What's your phone number, and are you open on Saturdays?", contact, language="en")
    assert text.count("only available in German") == 1
    assert "08041 793 30" in text and "Samstag 9 bis 12 Uhr" in text


async def test_the_yes_or_no_leads_with_the_sentence_it_comes_from() -> None:
    austria = Passage(
        title="Lieferung ins Ausland",
        url="/ausland",
        relevance=0.9,
        language="de",
        section="Österreich",
        text="Versand mit: Österreichische Post.\nKosten: 5,95 € pro Bestellung.\nVersandkostenfrei: ab 79 € Warenwert.",
    )
    text = await answer("Ich komme auf 65 Euro – ist der Versand nach Österreich dann schon gratis?", austria)
    assert text.startswith("Nein. Versandkostenfrei: ab 79 € Warenwert.")


async def test_a_yes_goes_on_in_lower_case_before_a_preposition() -> None:
    text = await answer("ich hab 45 € im Korb, zahl ich Versand?", SHIPPING)
    assert text.startswith("Ja, ")
    assert "Ja, Ab" not in text


async def test_the_pages_own_yes_to_the_question_its_section_asks_comes_first() -> None:
    cancel = Passage(
        title="Häufige Fragen",
        url="/faq",
        relevance=1.0,
        language="de",
        section="Kann ich meine Bestellung stornieren?",
        text=(
            "Ja, innerhalb von 2 Stunden nach dem Absenden. Öffnen Sie in Ihrem Kundenkonto „Meine Bestellungen“ "
            "und klicken Sie bei der Bestellung auf „Stornieren“. Nach 2 Stunden ist die Bestellung bereits in der "
            "Kommissionierung und lässt sich nicht mehr stornieren."
        ),
    )
    question = "kannst du mir sagen, ob ich meine Bestellung noch stornieren kann? hab vor einer Stunde bestellt."
    text = await answer(question, cancel)
    assert text.startswith("Ja, innerhalb von 2 Stunden nach dem Absenden.")
    assert "Nein" not in text
