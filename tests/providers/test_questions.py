"""What a question asks: its parts and, per part, a yes/no, a price, a duration, steps or something else."""

from __future__ import annotations

import pytest

from heine_ai.providers.llm.questions import Ask, ask_of, indirect_question, question_parts, questions_alone


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Was mach ich jetzt damit?", Ask.HOW_TO),
        ("Wie lang braucht denn a Paket zu mir?", Ask.DURATION),  # "lang" as spoken
        ("und mit Express geht das auch?", Ask.YES_NO),  # a phrase in front of the verb
        ("mit welcher Karte kann ich zahlen?", Ask.OPEN),
        ("Kann ich mit PayPal bezahlen?", Ask.YES_NO),
        ("Liefern Sie auch nach Italien?", Ask.YES_NO),
        ("Gibt es bei euch Ratenzahlung?", Ask.YES_NO),
        ("Hallo, kann ich auf Rechnung bezahlen?", Ask.YES_NO),
        ("Can I pay by invoice?", Ask.YES_NO),
        ("Was kostet der Versand nach Österreich?", Ask.PRICE),
        ("ab welchem bestellwert ist der versand gratis?", Ask.PRICE),
        ("How much does shipping to Switzerland cost?", Ask.PRICE),
        ("Wie lange dauert die Lieferung?", Ask.DURATION),
        ("Wann habe ich nach der Retoure mein Geld wieder?", Ask.DURATION),
        ("How long do I have to send something back?", Ask.DURATION),
        ("Wie schnell ist die Expresslieferung?", Ask.DURATION),
        ("how fast is it?", Ask.DURATION),
        ("Wie drucke ich das Retourenlabel aus?", Ask.HOW_TO),
        ("Wie ändere ich meine E-Mail-Adresse?", Ask.HOW_TO),
        ("How do I change my password?", Ask.HOW_TO),
        ("Wer ist bei euch die Datenschutzbeauftragte?", Ask.OPEN),
        ("Wieviel Zeit habe ich, um eine Rechnung zu bezahlen?", Ask.DURATION),  # "wieviel", but of time
        ("Was berechnen Sie für eine Expresszustellung?", Ask.PRICE),
        ("ich hab 45 € im Korb, zahl ich Versand?", Ask.YES_NO),  # a statement, then the question
        ("Ich komme auf 65 Euro – ist der Versand dann gratis?", Ask.YES_NO),
    ],
)
def test_the_kind_of_answer_a_question_wants(question: str, ask: Ask) -> None:
    assert ask_of(question) is ask


def test_two_questions_in_one_sentence_are_two_parts() -> None:
    parts = question_parts("Kann ich mit Apple Pay zahlen und wie lange dauert die Lieferung innerhalb Deutschlands?")
    assert [p.text for p in parts] == [
        "Kann ich mit Apple Pay zahlen",
        "wie lange dauert die Lieferung innerhalb Deutschlands?",
    ]
    assert [p.ask for p in parts] == [Ask.YES_NO, Ask.DURATION]
    price = question_parts("Was kostet der Versand und ab welchem Betrag ist er kostenlos?")
    assert [p.ask for p in price] == [Ask.PRICE, Ask.PRICE] and len(price) == 2
    # a question word after a preposition, and a colon that announces the questions
    letter = question_parts(
        "Ich habe zwei Fragen: Kann ich per Nachnahme bestellen, und bis zu welchem Betrag auf Rechnung?"
    )
    assert [p.ask for p in letter] == [Ask.YES_NO, Ask.PRICE]
    assert letter[1].text == "bis zu welchem Betrag auf Rechnung?"
    refund = question_parts("Wie lange dauert die Erstattung, und wird mir da was abgezogen?")
    assert [p.ask for p in refund] == [Ask.DURATION, Ask.YES_NO]
    # a list of questions behind commas; a comma after a clause that asks nothing ("ich wollte fragen") splits none
    listed = question_parts(
        "was kostet Versand nach Österreich, kann ich da auf Rechnung zahlen und wie lange dauert's?"
    )
    assert [p.ask for p in listed] == [Ask.PRICE, Ask.YES_NO, Ask.DURATION]
    assert listed[1].text == "kann ich da auf Rechnung zahlen"
    # a question word after a comma, and a verb before a noun after "und"
    three = question_parts(
        "Was kostet der Standardversand, ab wann ist er kostenlos, und ist Express eigentlich schneller als Standard?"
    )
    assert [p.text for p in three] == [
        "Was kostet der Standardversand",
        "ab wann ist er kostenlos",
        "ist Express eigentlich schneller als Standard?",
    ]
    assert len(question_parts("Ich wollte fragen, kann ich mit PayPal zahlen?")) == 1


def test_a_statement_stays_with_its_question() -> None:
    parts = question_parts("Ich habe 95 cm Brustumfang. Welche Damengröße brauche ich?")
    assert [p.text for p in parts] == ["Ich habe 95 cm Brustumfang. Welche Damengröße brauche ich?"]
    after = question_parts("Wie drucke ich das Retourenlabel aus? Ich habe keinen Drucker.")
    assert [p.text for p in after] == ["Wie drucke ich das Retourenlabel aus? Ich habe keinen Drucker."]
    assert after[0].ask is Ask.HOW_TO


def test_und_inside_one_question_does_not_split_it() -> None:
    assert len(question_parts("Kann ich Hosen und Röcke umtauschen?")) == 1
    assert len(question_parts("Wie lange dauert die Lieferung nach Österreich und in die Schweiz?")) == 1


def test_the_questions_alone_leave_the_story_around_them() -> None:
    story = "Schade, das Kleid gefällt mir doch nicht so gut. Wie schicke ich es zurück?"
    assert questions_alone(story) == "Wie schicke ich es zurück?"
    assert questions_alone("The dress does not fit. How do I send it back?") == "How do I send it back?"
    assert questions_alone("Wie lange dauert die Lieferung?") == "Wie lange dauert die Lieferung?"
    assert questions_alone("Die Ware ist kaputt.") == "Die Ware ist kaputt."  # no question: the message itself
    # typed on a phone: an emoji for the full stop, no question mark
    typed = "hab vor 2 wochen bestellt jetzt is die hose zu klein 🙈 kann ich die umtauschen"
    assert questions_alone(typed) == "kann ich die umtauschen"


def test_a_question_asked_inside_a_statement_is_a_question() -> None:
    story = (
        "Die Bluse soll direkt zu meiner Mutter, jetzt frag ich mich aber, ob die Rechnung mit den Preisen im Paket "
        "liegt. Gibt es da eine Möglichkeit?"
    )
    assert questions_alone(story) == "ob die Rechnung mit den Preisen im Paket liegt. Gibt es da eine Möglichkeit?"
    assert indirect_question("Ich wüsste gern, wie lange die Lieferung dauert.") == "wie lange die Lieferung dauert."
    assert indirect_question("I was wondering whether you ship to Austria.") == "whether you ship to Austria."
    # a doubt about oneself asks the shop nothing
    assert indirect_question("Ich weiß nicht, ob es mir dann noch passt.") is None
