"""The extractive answer: the passage's best sentences, word for word, and the list a chosen sentence announces."""

from __future__ import annotations

from heine_ai.providers.llm.base import Passage
from heine_ai.providers.llm.extractive import select_sentences
from heine_ai.providers.llm.questions import Ask
from heine_ai.providers.llm.selection import choose, states
from heine_ai.text import sentences

BENEFITS = Passage(
    title="Vorteilsprogramm",
    url="/service/vorteilsprogramm",
    relevance=0.9,
    text=(
        "Als Mitglied im heine Vorteilsprogramm profitieren Sie von:\n"
        "- einem Geburtstagsgutschein über 10 € ab einem Bestellwert von 50 €,\n"
        "- Early Access: Zugang zum Sale 24 Stunden vor allen anderen,\n"
        "- exklusiven Angeboten nur für Mitglieder.\n"
        "Die Teilnahme ist kostenlos."
    ),
)


def test_a_sentence_that_announces_a_list_brings_the_list() -> None:
    answer = select_sentences("Welche Vorteile bietet das Vorteilsprogramm als Mitglied?", BENEFITS)
    assert answer[0] == "Als Mitglied im heine Vorteilsprogramm profitieren Sie von:"
    assert any("Geburtstagsgutschein über 10 €" in line for line in answer)
    assert any("24 Stunden" in line for line in answer)


def test_sentences_are_quoted_word_for_word_in_their_order() -> None:
    answer = select_sentences("Ist die Teilnahme kostenlos?", BENEFITS)
    assert answer == ["Die Teilnahme ist kostenlos."]


PAYMENT = Passage(
    title="Zahlungsarten",
    url="/service/zahlungsarten",
    relevance=0.9,
    text=(
        "## Welche Zahlungsarten gibt es?\n"
        "- **Rechnung:** Sie bezahlen bequem nach Erhalt der Ware, mit einem Zahlungsziel von 30 Tagen.\n"
        "- **PayPal:** Sie bezahlen schnell über Ihr [PayPal-Konto](https://www.paypal.com/de).\n"
        "Mehr dazu lesen Sie *hier* unter `Mein Konto`."
    ),
)


def test_the_customer_reads_plain_text_not_the_pages_markdown() -> None:
    answer = select_sentences("Kann ich per PayPal oder auf Rechnung bezahlen?", PAYMENT)
    assert "Rechnung: Sie bezahlen bequem nach Erhalt der Ware, mit einem Zahlungsziel von 30 Tagen." in answer
    assert "PayPal: Sie bezahlen schnell über Ihr PayPal-Konto." in answer
    assert not any(mark in line for line in answer for mark in ("*", "[", "](", "`"))
    assert select_sentences("Wo lese ich mehr unter Mein Konto?", PAYMENT)[-1] == (
        "Mehr dazu lesen Sie hier unter Mein Konto."
    )


NOT_SHOWN = Passage(
    title="Zahlungsarten",
    url="/service/zahlungsarten",
    relevance=0.88,
    text=(
        "Rechnung und Lastschrift bieten wir nach einer automatischen Bonitätsprüfung an. "
        "Es kann vorkommen, dass Ihnen eine dieser Zahlungsarten nicht angezeigt wird. "
        "In diesem Fall können Sie mit Kreditkarte oder PayPal bezahlen."
    ),
)


def test_a_sentence_that_points_back_comes_with_the_sentence_it_points_to() -> None:
    answer = select_sentences("Kann ich mit PayPal bezahlen?", NOT_SHOWN)
    assert answer == [
        "Es kann vorkommen, dass Ihnen eine dieser Zahlungsarten nicht angezeigt wird.",
        "In diesem Fall können Sie mit Kreditkarte oder PayPal bezahlen.",
    ]


RETURNS = Passage(
    title="Rücksendung",
    url="/service/ruecksendung",
    relevance=0.9,
    text=(
        "Schicken Sie nur einen Teil der Bestellung zurück, bleiben die Versandkosten bestehen. "
        "Melden Sie die Rücksendung im Kundenkonto an und kleben Sie das Etikett auf das Paket."
    ),
)


def test_a_how_to_question_gets_the_instruction_not_only_a_condition_that_opens_like_one() -> None:
    # "Schicken Sie ..., bleiben die ..." opens like an instruction and is a condition: no how-to preference
    assert "Melden Sie die Rücksendung im Kundenkonto an und kleben Sie das Etikett auf das Paket." in (
        select_sentences("Wie sende ich etwas zurück?", RETURNS)
    )


def test_a_how_to_question_takes_the_steps_under_the_heading_that_names_it_when_the_best_page_has_none() -> None:
    refund = Passage(
        title="Rückzahlung",
        url="/service/rueckzahlung",
        section="Bekomme ich die Versandkosten zurück?",
        relevance=0.92,
        text="Schicken Sie nur einen Teil der Bestellung zurück, bleiben die Versandkosten bestehen.",
    )
    returns = Passage(
        title="Retoure",
        url="/service/retoure",
        section="So schicken Sie einen Artikel zurück",
        relevance=0.6,
        text="Melden Sie die Rücksendung im Kundenkonto an. Legen Sie den Lieferschein in das Paket.",
    )
    assert choose("Wie schicke ich es zurück?", [refund, returns], "de")[0].passage == 1
    # a page whose heading names less of the question keeps the best page's answer
    unrelated = Passage(
        title="Konto",
        url="/service/konto",
        section="Passwort ändern",
        relevance=0.6,
        text="Klicken Sie auf „Passwort“.",
    )
    assert choose("Wie schicke ich es zurück?", [refund, unrelated], "de")[0].passage == 0


DOMESTIC = Passage(
    title="Versand & Lieferzeiten",
    url="/service/versand",
    section="Versand & Lieferzeiten",
    relevance=0.93,
    text=(
        "Auf dieser Seite finden Sie Lieferzeiten und Versandkosten für Deutschland. Für Lieferungen nach "
        "Österreich und in die Schweiz lesen Sie bitte die Seite „Internationale Bestellungen“."
    ),
)
ABROAD = Passage(
    title="Internationale Bestellungen / International orders",
    url="/service/international",
    section="Österreich",
    relevance=0.96,
    text="Versandpartner: GLS Austria.\nLieferzeit: 3–5 Werktage.\nVersandkosten: EUR 6,49.\nRücksendung: EUR 5,95.",
)


def test_a_sentence_that_sends_the_reader_to_another_page_gives_way_to_that_page() -> None:
    [choice] = choose("Wie lange ist die Lieferzeit nach Österreich?", [DOMESTIC, ABROAD], "de")
    assert choice.passage == 1 and "Lieferzeit: 3–5 Werktage." in choice.sentences
    # a sentence about the page itself answers nothing, not even where nothing else does
    [choice] = choose("Was steht auf der Seite zu Versandkosten?", [DOMESTIC], "de")
    assert not any(sentence.startswith("Auf dieser Seite") for sentence in choice.sentences)


def test_a_page_named_by_the_short_form_of_its_title_is_followed() -> None:
    delivery = Passage(
        title="Versand & Lieferzeiten",
        url="/versand",
        section="Lieferzeiten",
        relevance=0.97,
        text="Vorrätige Artikel sind in 2 bis 5 Werktagen bei Ihnen. Gardinen nach Maß nähen wir erst für Sie. Wie "
        "lange das dauert, steht auf der Seite „Nähservice“.",
    )
    sewing = Passage(
        title="Nähservice: Gardinen nach Maß ausmessen und bestellen",
        url="/naehservice",
        section="Lieferzeit",
        relevance=0.8,
        text="Gardinen nach Maß nähen wir in 9 Werktagen; dazu kommt die Lieferzeit.",
    )
    [choice] = choose("Wie lange dauert es, bis Gardinen nach Maß fertig sind?", [delivery, sewing], "de")
    assert choice.passage == 1 and "9 Werktagen" in choice.sentences[0]


def test_a_price_asked_of_a_thing_comes_from_the_sentence_naming_it_on_another_page() -> None:
    returns = Passage(
        title="Rücksendung und Umtausch",
        url="/ruecksendung",
        section="Rücksendung und Umtausch",
        relevance=0.9,
        text="Passt das Dirndl nicht? Dann schicken Sie den Artikel einfach zurück. Hier steht, wie das geht, was es "
        "kostet und wann Sie Ihr Geld zurückbekommen.",
    )
    prices = Passage(
        title="Schneiderei",
        url="/schneiderei",
        section="Leistung Preis",
        relevance=0.85,
        text="Dirndl kürzen (Rock und Schürze) 34 €.\nMieder enger machen 42 €.",
    )
    [choice] = choose("Was kostet's, wenn ihr mir a Dirndl kürzt?", [returns, prices], "de")
    assert choice.passage == 1 and choice.sentences[0] == "Dirndl kürzen (Rock und Schürze) 34 €."


def test_a_compound_of_the_questions_words_answers_it() -> None:
    south = Passage(
        title="Lieferung nach Österreich und Südtirol",
        url="/ausland",
        section="Südtirol (Italien)",
        relevance=0.95,
        text="In Italien beliefern wir ausschließlich die Provinz Bozen – Südtirol. Die Versandkosten betragen 11,40 € "
        "pro Bestellung. Die Lieferzeit beträgt 4 bis 7 Werktage. Rücksendungen aus Südtirol kosten eine Pauschale "
        "von 9,80 €; ein Umtausch ist kostenlos.",
    )
    [choice] = choose("Was kostet der Versand nach Südtirol?", [south], "de")
    assert "Die Versandkosten betragen 11,40 € pro Bestellung." in choice.sentences  # "Versand" + "kostet"


def test_a_question_that_only_names_its_topic_gets_the_sections_facts() -> None:
    [choice] = choose("versand nach österreich??", [ABROAD], "de")
    assert choice.sentences == ("Versandpartner: GLS Austria.", "Lieferzeit: 3–5 Werktage.", "Versandkosten: EUR 6,49.")
    [choice] = choose("und nach Österreich?", [ABROAD], "de")  # a follow-up asks what the question before it did
    assert "Lieferzeit: 3–5 Werktage." not in choice.sentences


ENDING = Passage(
    title="Vorteilsprogramm",
    url="/service/vorteilsprogramm",
    section="Wie beende ich die Teilnahme?",
    relevance=0.99,
    text="Die Teilnahme am Vorteilsprogramm können Sie jederzeit in Ihrem Kundenkonto beenden.",
)
JOINING = Passage(
    title="Vorteilsprogramm",
    url="/service/vorteilsprogramm",
    section="Was ist das Vorteilsprogramm?",
    relevance=0.97,
    text="Das Vorteilsprogramm bringt Gutscheine. Die Teilnahme am Vorteilsprogramm ist kostenlos und unverbindlich.",
)
CATALOGUE = Passage(title="Katalog", url="/service/katalog", relevance=0.98, text="Der Sonderkatalog kostet 2 €.")


def test_a_price_question_takes_the_price_from_another_section_of_the_page_only() -> None:
    question = "Was kostet mich die Teilnahme am Vorteilsprogramm?"
    [choice] = choose(question, [ENDING, JOINING], "de")
    assert choice.sentences == ("Die Teilnahme am Vorteilsprogramm ist kostenlos und unverbindlich.",)
    [choice] = choose(question, [ENDING, CATALOGUE], "de")  # another page's price is no answer
    assert "2 €" not in " ".join(choice.sentences) and choice.passage == 0


def test_a_cost_named_without_an_amount_answers_a_price_question() -> None:
    interest = Passage(
        title="Ratenzahlung", url="/service/ratenzahlung", relevance=0.99, text="Für die Ratenzahlung fallen Zinsen an."
    )
    minimum = Passage(
        title="Ratenzahlung",
        url="/service/ratenzahlung",
        relevance=0.97,
        text="Die Ratenzahlung ist ab einem Bestellwert von 100 € möglich.",
    )
    [choice] = choose("Was kostet mich die Ratenzahlung?", [interest, minimum], "de")
    assert choice.sentences == ("Für die Ratenzahlung fallen Zinsen an.",)


ALLERGIES = Passage(
    title="Materialinformationen und Allergien",
    url="/service/material-allergien",
    relevance=0.99,
    text=(
        "Bei einer Nickelallergie achten Sie bitte auf Metallteile wie Knöpfe, Nieten, Reißverschlüsse und "
        "Schnallen. Schmuck und Accessoires, die als nickelfrei gekennzeichnet sind, enthalten keine nachweisbaren "
        "Nickelanteile. Fehlt ein Hinweis auf der Produktseite, fragen Sie gern unseren Kundenservice."
    ),
)


def test_a_sentence_naming_what_the_lead_leaves_out_joins_the_answer() -> None:
    answer = select_sentences("Ich habe eine Nickelallergie. Worauf muss ich bei Schmuck achten?", ALLERGIES)
    assert answer[0].startswith("Bei einer Nickelallergie achten Sie")
    assert any("nickelfrei" in sentence for sentence in answer)  # the question's "Schmuck" is answered too
    assert not any("Produktseite" in sentence for sentence in answer)  # names nothing the question asks


REFUND = (
    "Wir zahlen Ihnen den Kaufpreis zurück, und zwar spätestens 14 Tage nachdem Ihr Widerruf bei uns eingegangen ist."
)
REMARK = "Sie müssen den Button nicht benutzen."
STEPS = (
    "Kundinnen und Kunden mit Konto öffnen „Meine Bestellungen“ und klicken auf die Schaltfläche „Vertrag widerrufen“."
)
WITHDRAWAL = [  # the search's cosines: the refund sentence is nearest to both parts of the question
    Passage(title="Widerruf", url="/w", relevance=0.99, text=REFUND, similarities={REFUND: 0.89}),
    Passage(
        title="Widerruf",
        url="/w",
        relevance=0.98,
        section="Der Widerrufsbutton",
        text=f"{REMARK} {STEPS}",
        similarities={REMARK: 0.8, STEPS: 0.8},
    ),
]


def test_a_second_part_gets_its_own_sentence_when_the_first_ones_says_nothing_of_it() -> None:
    question = "Wie lange habe ich eigentlich ein Widerrufsrecht, und wo finde ich diesen Widerrufsbutton?"
    choices = choose(question, WITHDRAWAL, "de")
    assert choices[0].sentences == (REFUND,)
    assert STEPS in choices[1].sentences  # before, the second part was dropped: its best sentence was the refund


NO_PRINTER = "Einen Drucker brauchen Sie für die Rücksendung nicht: Den QR-Code zeigen Sie im Paketshop vor."
PRINT_IT = "Drucken Sie das Rücksendeetikett aus und kleben Sie es auf das Paket."
LABEL = Passage(  # the search's cosines: the printing step is nearer to the question
    title="Rücksendung",
    url="/r",
    relevance=0.9,
    text=f"{PRINT_IT} {NO_PRINTER}",
    similarities={PRINT_IT: 0.88, NO_PRINTER: 0.85},
)


def test_a_customer_without_a_thing_gets_the_way_without_it_not_the_step_that_needs_it() -> None:
    answer = select_sentences("Ich habe keinen Drucker. Wie komme ich an das Etikett zum Zurückschicken?", LABEL)
    assert answer == [NO_PRINTER]


STEPS_WITHOUT_PRINTER = Passage(  # the way without a printer is a step's label, no instruction in itself
    title="Rücksendung",
    url="/r",
    relevance=0.9,
    text=(
        "Retourenlabel erhalten: als QR-Code auf Ihr Smartphone: Sie brauchen keinen Drucker.\n"
        "Legen Sie den Lieferschein bei.\nGeben Sie das Paket in einem PaketShop ab."
    ),
)
QR_STEPS = "Du bekommst einen QR-Code aufs Handy. Den zeigst du im PaketShop vor. Du brauchst also keinen Drucker!"


def test_the_way_without_what_the_customer_lacks_leads_a_how_to_with_the_sentences_it_leans_on() -> None:
    question = "Wie melde ich eine Rücksendung an, ich hab nämlich keinen Drucker daheim?"
    assert select_sentences(question, STEPS_WITHOUT_PRINTER)[0].startswith("Retourenlabel erhalten: als QR-Code")
    leaning = Passage(title="Retoure", url="/r", relevance=0.9, text=QR_STEPS, similarities={QR_STEPS[-33:]: 0.9})
    # "also" and "Den zeigst du" lean on the sentence before: quoted alone, "Du brauchst also keinen Drucker!"
    assert select_sentences("wie schick ich was zurück? hab keinen drucker", leaning) == sentences(QR_STEPS)


WHY_PARCELS = Passage(
    title="Teillieferungen",
    url="/service/teillieferung",
    relevance=0.94,
    section="Warum kommt meine Bestellung in mehreren Paketen?",
    text="Eine Teillieferung kommt vor, wenn die Artikel aus verschiedenen Lagern kommen. Die übrigen Artikel folgen.",
)
PARCEL_COSTS = Passage(
    title="Teillieferungen",
    url="/service/teillieferung",
    relevance=0.85,
    section="Kostet eine Teillieferung extra?",
    text="Nein, Teillieferungen sind kostenlos. Die Versandkosten von 5,95 € fallen nur einmal pro Bestellung an.",
)


def test_a_yes_no_question_on_paying_extra_takes_what_it_costs_from_the_same_page() -> None:
    question = "muss ich für jedes paket extra versand zahlen wenn meine bestellung in 2 paketen kommt?"
    answer = [
        sentence for choice in choose(question, [WHY_PARCELS, PARCEL_COSTS], "de") for sentence in choice.sentences
    ]
    assert any("nur einmal" in sentence or "kostenlos" in sentence for sentence in answer)


def test_another_countrys_fact_is_no_answer_and_a_sentence_is_said_once() -> None:
    swiss = Passage(
        title="International",
        url="/international",
        section="Schweiz",
        relevance=0.84,
        text="Versandkosten: EUR 12,90 – eine versandkostenfreie Lieferung gibt es in die Schweiz nicht.",
    )
    assert choose("Was kostet der Versand nach Belgien?", [swiss], "de") == []
    assert choose("Was kostet der Versand in die Schweiz?", [swiss], "de")[0].passage == 0
    question = "Was kostet der Versand nach Österreich und ab wann ist er gratis?"
    said = [sentence for choice in choose(question, [ABROAD], "de") for sentence in choice.sentences]
    assert len(said) == len(set(said))


OVERVIEW = Passage(
    title="Bezahlen",
    url="/bezahlen",
    relevance=0.71,
    text="Du hast die Wahl! Welche Zahlarten für deine Bestellung gehen, siehst du im letzten Schritt an der Kasse.",
)
PAYPAL = Passage(
    title="Bezahlen",
    url="/bezahlen",
    relevance=0.91,
    section="Geht PayPal?",
    text="Klar! Du wirst beim Bestellen zu PayPal weitergeleitet.",
)


def test_a_passage_clearly_more_relevant_than_the_searchs_first_may_answer() -> None:
    choices = choose("ob ich bei euch mit paypal bezahlen kann", (OVERVIEW, PAYPAL), "de")
    assert choices[0].passage == 1
    assert "PayPal" in " ".join(choices[0].sentences)


SERVICE_PRICES = Passage(
    title="Lederhosen-Service",
    url="/service",
    relevance=0.99,
    text="Leistung Auffrischung kurze Lederhose: Preis 69,00 €.\nLeistung Knopf ersetzen: Preis 4,50 €.",
)
MADE_TO_MEASURE = Passage(
    title="Versand",
    url="/versand",
    relevance=0.99,
    section="Lederhosen nach Maß",
    text="Die Lieferzeit beträgt acht bis zehn Wochen ab dem Eingang Ihrer Maße.",
)


def test_a_table_row_answers_only_when_it_holds_what_the_question_asks_for() -> None:
    choices = choose("Wie lange dauert eine Lederhose nach Maß?", (SERVICE_PRICES, MADE_TO_MEASURE), "de")
    assert "Preis" not in " ".join(choices[0].sentences)  # the price row of the trousers is no duration
    price = choose("Was kostet die Auffrischung einer kurzen Lederhose?", (SERVICE_PRICES,), "de")
    assert price[0].sentences == ("Leistung Auffrischung kurze Lederhose: Preis 69,00 €.",)


def test_a_no_for_one_case_comes_with_the_yes_for_the_other() -> None:
    debit = Passage(
        title="Bezahlarten",
        url="/bezahlarten",
        section="SEPA-Lastschrift",
        relevance=0.82,
        text=(
            "Ab Ihrer zweiten Bestellung bei Moorbach können Sie von einem deutschen Girokonto per Lastschrift "
            "bezahlen. Wir buchen den Betrag ab, wenn wir Ihre Bestellung versenden. Bei der ersten Bestellung "
            "steht die Lastschrift noch nicht zur Verfügung."
        ),
    )
    said = select_sentences("gibt's bei euch auch Lastschrift?", debit)
    assert said[0].startswith("Ab Ihrer zweiten Bestellung") and said[-1].startswith("Bei der ersten Bestellung")


def test_an_abbreviated_span_of_working_days_is_a_duration() -> None:
    assert states(Ask.DURATION, "Wir prüfen die Ware i. d. R. innerhalb von sieben Werkt.")
    assert not states(Ask.DURATION, "Werktags sind wir für Sie da.")
    assert states(Ask.DURATION, "PayPal: Nach unserer Prüfung am selben Werktag.")  # a day named by its place
    assert states(Ask.DURATION, "Orders placed by noon arrive the next business day.")


def test_who_pays_the_postage_gets_the_price_for_a_case_not_a_case_without_one() -> None:
    returns = Passage(
        title="Rücksendung",
        url="/ruecksendung",
        relevance=0.94,
        text=(
            "Für eine Rücksendung aus Deutschland berechnen wir eine Rücksendepauschale von 3,95 €. Aus Luxemburg "
            "können wir Ihnen kein Rücksendeetikett anbieten; die Portokosten tragen in diesem Fall Sie."
        ),
    )
    said = select_sentences("und das Versandkosten, zahl ich das selber?", returns)
    assert said[0].startswith("Für eine Rücksendung aus Deutschland")


def test_a_count_asked_for_comes_with_its_figure() -> None:
    card = Passage(
        title="Kundenkarte",
        url="/karte",
        relevance=0.99,
        text=(
            "Anmeldung: im Kundenkonto unter „Lerchenfeld-Karte“.\nPunkte sammeln: Sie sammeln Punkte bei jedem "
            "Einkauf.\nGutschrift der Punkte: nach Ablauf der Rückgabefrist.\nPrämie: Für je 300 Lerchenpunkte "
            "erhalten Sie einen Gutschein über 10 €."
        ),
    )
    said = select_sentences("Wie viele Punkte brauche ich mit der Lerchenfeld-Karte für einen Gutschein?", card)
    assert any("300 Lerchenpunkte" in sentence for sentence in said)


def test_a_how_to_gets_the_run_of_steps_its_best_step_is_one_of() -> None:
    card = Passage(
        title="Gutscheine",
        url="/gutscheine",
        relevance=0.99,
        section="Gutscheinkarte einlösen",
        text=(
            "Gehen Sie wie gewohnt zur Kasse.\nKlicken Sie im Schritt „Zahlung“ auf „Gutscheinkarte einlösen“.\n"
            "Geben Sie die 16-stellige Kartennummer und die 4-stellige PIN ein.\nReicht das Guthaben nicht aus, "
            "zahlen Sie den Rest mit einer anderen Zahlungsart."
        ),
        similarities={  # the search's cosines: the step that names the card is far nearer than the others
            "Gehen Sie wie gewohnt zur Kasse.": 0.70,
            "Klicken Sie im Schritt „Zahlung“ auf „Gutscheinkarte einlösen“.": 0.92,
            "Geben Sie die 16-stellige Kartennummer und die 4-stellige PIN ein.": 0.72,
            "Reicht das Guthaben nicht aus, zahlen Sie den Rest mit einer anderen Zahlungsart.": 0.75,
        },
    )
    said = select_sentences("Wie löse ich meine Gutscheinkarte ein?", card)
    assert said[:3] == [
        "Gehen Sie wie gewohnt zur Kasse.",
        "Klicken Sie im Schritt „Zahlung“ auf „Gutscheinkarte einlösen“.",
        "Geben Sie die 16-stellige Kartennummer und die 4-stellige PIN ein.",
    ]


FREIGHT = Passage(
    title="Lieferung: häufige Fragen",
    url="/lieferung-faq",
    text="Pakete bringt GLS, Möbel und Teppiche eine Spedition. Die Speditionspauschale beträgt in Österreich 69 €.",
    relevance=0.86,
    section="Wie werden Möbel geliefert?",
)
COUNTRY_TABLE = Passage(
    title="Versandkosten und Lieferzeiten",
    url="/versandkosten",
    text=(
        "Land und Versandart Österreich Standard (GLS): Versandkosten 8,95 €, Lieferzeit 5–7 Werktage.\n"
        "Land und Versandart Österreich Speditionsware: Versandkosten 69 € Speditionspauschale, Lieferzeit 15–20 "
        "Werktage."
    ),
    relevance=0.74,
    section="Übersicht nach Land und Versandart",
)


def test_a_parcel_to_a_country_gets_the_tables_usual_row_not_the_freight_exception() -> None:
    [choice] = choose("Wie lange ist ein Paket nach Graz Österreich unterwegs?", [FREIGHT, COUNTRY_TABLE], "de")
    assert choice.sentences == (sentences(COUNTRY_TABLE.text)[0],)


def test_a_thing_no_page_names_is_not_read_as_the_usual_case() -> None:
    # a sofa may be the freight the table lists apart: not the parcel row
    [choice] = choose("Was kostet die Lieferung von einem Sofa nach Österreich?", [FREIGHT, COUNTRY_TABLE], "de")
    assert sentences(COUNTRY_TABLE.text)[0] not in choice.sentences


RETURN_FEES = Passage(
    title="Lieferung ins Ausland",
    url="/ausland",
    text=(
        "Sie melden die Rücksendung wie in Deutschland an. Die Rücksendepauschale beträgt aus Österreich 6,00 € und "
        "aus Frankreich, Luxemburg und den Niederlanden 7,50 €. In die Schweiz und nach Liechtenstein liefern wir "
        "nicht."
    ),
    relevance=0.9,
    section="Kann ich aus dem Ausland zurückschicken?",
)


def test_a_sentence_on_several_countries_is_cut_to_the_one_asked_where_each_has_its_figure() -> None:
    [choice] = choose("Was kostet die Rücksendung, wenn ich in Österreich wohne?", [RETURN_FEES], "de")
    assert "Die Rücksendepauschale beträgt aus Österreich 6,00 €." in choice.sentences
    assert not any("7,50" in sentence for sentence in choice.sentences)
    # one fact about two countries stays whole
    [whole] = choose("Liefert ihr in die Schweiz?", [RETURN_FEES], "de")
    assert "In die Schweiz und nach Liechtenstein liefern wir nicht." in " ".join(whole.sentences)


def test_a_pointer_to_another_subject_does_not_move_an_answer_that_states_what_is_asked() -> None:
    faq = Passage(
        title="Häufige Fragen",
        url="/faq",
        section="Wie lange dauert eine Maßhose?",
        relevance=0.99,
        text="Eine Maßhose ist 12 bis 14 Wochen nach dem Maßtermin fertig. Preise und Ablauf stehen im Faltblatt "
        "„Schneiderei“.",
    )
    tailoring = Passage(
        title="Schneiderei",
        url="/schneiderei",
        relevance=0.97,
        text="So entsteht Ihre Maßhose: Beim Maßtermin (etwa 45 Minuten) nehmen wir Maß. Die Maßhose kostet ab 890 €.",
    )
    [choice] = choose("Wie lange dauert die Anfertigung einer Maßhose?", [faq, tailoring], "de")
    assert choice.passage == 0 and "12 bis 14 Wochen" in choice.sentences[0]


LOCKERS = Passage(
    title="Versand",
    url="/versand",
    section="Packstation",
    relevance=0.95,
    text="Weil wir mit UPS versenden, ist eine Lieferung an eine DHL-Packstation leider nicht möglich. Stattdessen "
    "können Sie einen UPS Access Point als Lieferadresse wählen. UPS Access Points sind Abholstellen in Kiosken und "
    "Tankstellen. Ihr Paket liegt dort 6 Werktage für Sie bereit.",
)


def test_more_of_an_answer_says_what_it_did_not_and_no_yes_or_no_again() -> None:
    question = "Kann ich mir die Ware an eine Packstation schicken lassen?"
    [first] = choose(question, [LOCKERS], "de")
    told = f"Nein, {first.sentences[0][0].lower()}{first.sentences[0][1:]} {' '.join(first.sentences[1:])}"
    [more] = choose(question, [LOCKERS], "de", told=told)
    assert more.polarity is None
    assert more.sentences and not set(more.sentences) & set(first.sentences)
    assert any("Kiosken" in s or "6 Werktage" in s for s in more.sentences)


def test_a_sentence_only_its_heading_brought_does_not_answer_a_price_or_a_span_of_a_named_thing() -> None:
    care = Passage(
        title="Pflege & Waschhinweise",
        url="/pflege",
        section="Bettwäsche",
        relevance=0.62,
        text="Mako-Satin: 60 °C, auf links gedreht. Leinen läuft bei der ersten Wäsche um bis zu 4 % ein.",
    )
    assert choose("Wann beginnt bei Ihnen der Winterschlussverkauf für Bettwäsche?", [care], "de") == []
    # a follow-up names nothing of its own: its topic brought the passage, which answers as before
    assert choose("Und wie lange dauert das?", [care], "de")


def test_a_piece_of_a_lost_layout_in_lower_case_is_never_quoted() -> None:
    care = Passage(
        title="Pflege- und Materialratgeber",
        url="/pflege",
        relevance=0.9,
        text="Merinowolle Wollprogramm 30 °C, höchstens 600 Umdrehungen.\n\nnicht waschen, nur feucht abwischen an "
        "der Luft nicht bügeln.\n\nWolle waschen Sie im Wollprogramm.",
    )
    choices = choose("Kunstleder nur feucht abwischen und nicht bügeln?", [care], "de")
    assert not any(sentence.startswith("nicht") for choice in choices for sentence in choice.sentences)


def test_a_part_whose_sentences_earlier_parts_said_between_them_adds_nothing() -> None:
    """Three short questions of one message: the third one's sentences were said by the first two together."""
    passages = [
        Passage(
            "Versand und Lieferung",
            "/versand",
            "Vorrätige Ware ist innerhalb Deutschlands in der Regel 2 bis 3 Werktage nach Ihrer Bestellung bei Ihnen.\n\n"
            "Die Versandkosten innerhalb Deutschlands betragen 5,95 € pro Bestellung. Ab einem Warenwert von 120 € "
            "liefern wir innerhalb Deutschlands versandkostenfrei.",
            0.9,
            section="Lieferzeit und Versandkosten in Deutschland",
        )
    ]
    question = "kurz 3 fragen zwischen zwei runden: lieferzeit? versandkosten? ab wann kostenlos?"
    said = [sentence for choice in choose(question, passages, "de") for sentence in choice.sentences]
    assert any("2 bis 3 Werktage" in s for s in said) and any("120 €" in s for s in said)
    assert len(said) == len(set(said))  # each sentence once


def test_a_list_a_sentence_announces_brings_only_the_row_the_question_names() -> None:
    rental = Passage(
        "Mietvertrag Abendkleider",
        "/mietvertrag",
        "Mietpreis, Kaution und Zusatztage richten sich nach der Kategorie des Kleides:\n\n"
        "Kategorie Silber: Beispiele Cocktailkleider, kurze Abendkleider, Mietpreis 69 €, Kaution 150 €, "
        "Zusatztag 12 €.\nKategorie Gold: Beispiele lange Abendkleider, Mietpreis 99 €, Kaution 250 €, Zusatztag 18 €."
        "\nKategorie Platin: Beispiele Designerroben, Paillettenkleider, Mietpreis 149 €, Kaution 400 €, Zusatztag "
        "25 €.\n\nAlle Preise in Euro inklusive Mehrwertsteuer. Der Mietpreis gilt für den gesamten Mietzeitraum."
        "\n\nMietpreis und Kaution sind bei der Buchung zu leisten.",
        0.9,
        section="Mietpreis und Kaution",
    )
    question = "Was kostet ein Zusatztag, wenn ich ein Platin-Kleid länger behalten möchte?"
    answer = " ".join(select_sentences(question, rental))
    assert "Zusatztag 25 €" in answer
    assert "12 €" not in answer and "18 €" not in answer  # before, every category and the lines below them


def test_a_sentence_on_another_country_under_a_heading_naming_both_is_no_answer() -> None:
    abroad = Passage(
        "Versand und Lieferung",
        "/versand",
        "Österreich: Lieferzeit: 4 bis 6 Werktage; Versandkosten: 11,90 € pro Bestellung; Versandkostenfrei ab "
        "300 € Warenwert.\n\nLuxemburg: Lieferzeit: 3 bis 4 Werktage; Versandkosten: 9,90 € pro Bestellung; "
        "Versandkostenfrei ab 250 € Warenwert.\n\nExpress ist in beide Länder nicht möglich.",
        0.9,
        section="Lieferung nach Österreich und Luxemburg",
    )
    answer = " ".join(
        select_sentences("Was kostet der Versand nach Österreich? Wir haben einen Betrieb in Salzburg.", abroad)
    )
    assert "11,90 €" in answer
    assert "9,90 €" not in answer  # the heading's "Luxemburg" brought Luxembourg's prices


def test_a_question_on_a_percentage_is_answered_with_one_not_with_free_of_charge() -> None:
    shares = Passage(
        "Ankauf",
        "/ankauf",
        "Zustand A: Dein Anteil am späteren Verkaufspreis 40 %.\nZustand B: Dein Anteil am späteren Verkaufspreis "
        "30 %.",
        0.99,
        section="Der Ankaufsrechner",
    )
    parcel = Passage(
        "Ankauf",
        "/ankauf",
        "Das Versandlabel bekommst du per E-Mail. Der Versand ist für dich kostenlos.",
        0.86,
        section="So schickst du dein Ankaufspaket",
    )
    question = "Wie viel Prozent vom Verkaufspreis bekomme ich beim Ankauf für ein Teil in Zustand B?"
    answer = " ".join(s for c in choose(question, [shares, parcel], "de") for s in c.sentences)
    assert "30 %" in answer and "kostenlos" not in answer
