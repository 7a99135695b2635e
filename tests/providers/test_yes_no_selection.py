"""A yes/no question is answered by the sentence that says the thing is offered, not by the page's exception."""

from __future__ import annotations

from heine_ai.providers.llm.base import Passage
from heine_ai.providers.llm.polarity import Polarity
from heine_ai.providers.llm.selection import choose

WHY_NOT = Passage(
    title="Kauf auf Rechnung",
    url="/service/rechnung",
    section="Warum kann ich nicht auf Rechnung bestellen?",
    relevance=0.95,
    text=(
        "Der Kauf auf Rechnung setzt eine positive Bonitätsprüfung voraus und ist nur ab 18 Jahren möglich. "
        "Steht die Rechnung nicht zur Verfügung, können Sie mit Kreditkarte oder PayPal bezahlen."
    ),
)
HOW = Passage(
    title="Kauf auf Rechnung",
    url="/service/rechnung",
    section="Wie funktioniert der Kauf auf Rechnung?",
    relevance=0.95,
    text=(
        "Beim Kauf auf Rechnung bezahlen Sie erst, nachdem Sie die Ware erhalten haben. "
        "Die Rechnung liegt Ihrem Paket bei."
    ),
)
PAYING = Passage(
    title="Kauf auf Rechnung",
    url="/service/rechnung",
    section="Wie bezahle ich die Rechnung?",
    relevance=0.94,
    text="Sie können auch mehrere Rechnungen in einer Überweisung bezahlen; nennen Sie dann alle Rechnungsnummern.",
)


def test_the_exception_of_the_best_passage_does_not_answer_whether_the_thing_is_offered() -> None:
    [choice] = choose("Kann ich auf Rechnung bezahlen?", [WHY_NOT, HOW, PAYING], "de")
    assert choice.sentences[0].startswith("Beim Kauf auf Rechnung")
    assert choice.polarity is Polarity.YES
    assert not any(s.startswith("Steht die Rechnung nicht") for s in choice.sentences)


def test_a_passage_whose_best_sentence_answers_keeps_the_lead() -> None:
    """Only an exception sends the choice to the other passages: the best passage's answer stays first."""
    [choice] = choose("Kann ich auf Rechnung bezahlen?", [HOW, WHY_NOT, PAYING], "de")
    assert choice.passage == 0 and choice.sentences[0].startswith("Beim Kauf auf Rechnung")


def test_the_way_to_pay_named_as_asked_beats_a_sentence_that_only_shares_its_words() -> None:
    """The words "auf Rechnung bezahlen" ask for the way to pay, "mehrere Rechnungen bezahlen" for paying bills."""
    [choice] = choose("Kann ich auf Rechnung bezahlen?", [WHY_NOT, PAYING, HOW], "de")
    assert choice.sentences[0].startswith("Beim Kauf auf Rechnung")


BY_COUNTRY = Passage(
    title="Zahlungsarten nach Lieferland",
    url="/service/zahlungsarten",
    section="Zahlungsarten nach Lieferland",
    relevance=0.9,
    text=(
        "Zahlungsart PayPal: Deutschland ✓, Österreich ✓, Luxemburg ✓.\n"
        "Zahlungsart Kauf auf Rechnung: Deutschland ✓, Österreich ✓, Luxemburg –.\n"
        "Zahlungsart Lastschrift: Deutschland ✓, Österreich –, Luxemburg –."
    ),
)


def test_a_table_of_marks_says_yes_or_no_for_the_row_and_column_asked() -> None:
    [no] = choose("Kann ich aus Luxemburg auf Rechnung bestellen?", [BY_COUNTRY], "de")
    assert no.polarity is Polarity.NO
    assert no.sentences == ("Kauf auf Rechnung ist für Luxemburg nicht möglich.",)
    [yes] = choose("Kann ich in Österreich mit PayPal zahlen?", [BY_COUNTRY], "de")
    assert yes.polarity is Polarity.YES and "Österreich möglich" in yes.sentences[0]
