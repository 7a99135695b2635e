"""A value looked up in a table: the row the question picks, not the whole table."""

from __future__ import annotations

from heine_ai.providers.llm.table_rows import lookup, marked_cell, parse_row

WOMEN = [
    "Unsere Damenmode fällt etwas schmaler aus.",
    "Größe 38: Brustumfang 86–89 cm, Taille 70–73 cm, Hüfte 95–98 cm.",
    "Größe 40: Brustumfang 90–93 cm, Taille 74–77 cm, Hüfte 99–102 cm.",
    "Größe 42: Brustumfang 94–97 cm, Taille 78–81 cm, Hüfte 103–106 cm.",
    "Größe 44: Brustumfang 98–102 cm, Taille 82–86 cm, Hüfte 107–111 cm.",
    "Länge Kurz: Innenbeinlänge 74 cm.",
    "Länge Normal: Innenbeinlänge 80 cm.",
]
MEN = [
    "Größe 50: Brustumfang 98–101, Bundweite 86–89, Kragenweite 39/40.",
    "Größe 52: Brustumfang 102–105, Bundweite 90–94, Kragenweite 41.",
    "Größe 54: Brustumfang 106–109, Bundweite 95–99, Kragenweite 42.",
]


def test_a_row_statement_keeps_its_headers() -> None:
    row = parse_row("Größe 42: Brustumfang 94–97 cm, Taille 78–81 cm, Hüfte 103–106 cm.")
    assert row is not None and (row.header, row.cell) == ("Größe", "42")
    assert row.values == (("Brustumfang", "94–97 cm"), ("Taille", "78–81 cm"), ("Hüfte", "103–106 cm"))
    assert parse_row("Unsere Damenmode fällt etwas schmaler aus.") is None


def test_a_measurement_finds_the_row_whose_range_holds_it() -> None:
    assert lookup("Ich habe 95 cm Brustumfang. Welche Damengröße brauche ich?", WOMEN) == WOMEN[3]
    assert lookup("Welche Größe habe ich bei einem Hüftumfang von 100 cm?", WOMEN) == WOMEN[2]
    assert lookup("Welche Herrengröße brauche ich bei 100 cm Brustumfang?", MEN) == MEN[0]


def test_measures_in_two_rows_give_both_rows() -> None:
    # each measure in a size of its own: both sizes, not a guess between them (nor nothing)
    both = lookup("Brust 91 cm, Taille 79 cm – welche Größe brauch ich?", WOMEN)
    assert both == f"{WOMEN[2]} {WOMEN[3]}"
    assert lookup("Brust 91 cm, Taille 75 cm – welche Größe?", WOMEN) == WOMEN[2]  # one row holds both


def test_a_row_named_by_its_first_cell() -> None:
    assert lookup("Welche Kragenweite hat die Herrengröße 54?", MEN) == MEN[2]
    assert lookup("Welche Innenbeinlänge haben eure Hosen in Kurzgröße?", WOMEN) == WOMEN[5]


def test_no_row_when_the_question_picks_none_or_several() -> None:
    assert lookup("Wie messe ich richtig?", WOMEN) is None
    assert lookup("Ich habe 150 cm Brustumfang. Welche Größe?", WOMEN) is None
    assert lookup("Welche Größe passt bei 100?", WOMEN) is None  # Brustumfang of 44 and Hüfte of 40


CHILDREN = [
    "Größe 122: Alter ca. 6–7 Jahre, Körpergröße 117–122 cm, Brustumfang 62 cm, Taillenumfang 55 cm.",
    "Größe 128: Alter ca. 7–8 Jahre, Körpergröße 123–128 cm, Brustumfang 64 cm, Taillenumfang 57 cm.",
    "Größe 134: Alter ca. 8–9 Jahre, Körpergröße 129–134 cm, Brustumfang 66 cm, Taillenumfang 58 cm.",
]
SHIPPING = [
    "Land und Versandart Deutschland Standard: Versandkosten 5,95 €, versandkostenfrei ab 75 €, Lieferzeit 3–5 Werktage.",
    "Land und Versandart Deutschland Express: Versandkosten 12,90 €, versandkostenfrei ab keine Grenze, Lieferzeit 1 Werktag.",
    "Land und Versandart Luxemburg Standard: Versandkosten 9,95 €, versandkostenfrei ab keine Grenze, Lieferzeit 4–6 Werktage.",
]


def test_a_measurement_without_its_column_finds_the_one_row_whose_range_holds_it() -> None:
    # "125 cm groß" names no column; only the Körpergröße 123–128 holds 125
    assert lookup("meine tochter ist 125 cm groß, welche größe brauch ich für ne jacke", CHILDREN) == CHILDREN[1]


SHOES = [
    "Fußlänge 15,2–15,7 cm: EU-Größe 25, Innenlänge des Schuhs 16,9 cm.",
    "Fußlänge 15,8–16,4 cm: EU-Größe 26, Innenlänge des Schuhs 17,6 cm.",
]


def test_a_measurement_in_the_first_columns_ranges_finds_its_row() -> None:
    assert lookup("welche schuhgröße brauch ich wenn der fuß 16 cm lang ist?", SHOES) == SHOES[1]


def test_a_row_named_by_a_word_of_its_first_cell() -> None:
    assert lookup("Was kostet es, nach Luxemburg zu liefern?", SHIPPING) == SHIPPING[2]
    assert lookup("Wie schnell ist Express?", SHIPPING) == SHIPPING[1]
    assert lookup("Was kostet der Versand innerhalb Deutschlands?", SHIPPING) is None  # two rows of Deutschland


def test_a_case_left_unnamed_is_the_tables_first_row_where_the_question_names_nothing_unknown() -> None:
    # "nach Deutschland" names two rows alike: the first, Standard, is the usual case
    assert lookup("Was kostet der Versand nach Deutschland?", SHIPPING, usual=True) == SHIPPING[0]
    assert lookup("Was kostet der Versand nach Deutschland?", SHIPPING) is None
    # rows that meet different words of the question are no answer: Express is not offered to Luxemburg
    assert lookup("Was kostet Express nach Luxemburg?", SHIPPING, usual=True) is None


def test_several_measures_each_beside_its_column_pick_the_row_that_holds_them() -> None:
    # 97 is also a Hüfte of size 38 and 103 a Hüfte of 42: each number counts in the column it is named with
    question = "Ich habe nachgemessen: Brust 97 cm, Taille 81 cm, Hüfte 103 cm. Welche Damengröße soll ich nehmen?"
    assert lookup(question, WOMEN) == WOMEN[3]


def test_a_size_the_customer_wears_is_no_row_they_ask_for() -> None:
    question = "Der Rock in 38 ist mir an der Hüfte zu weit. Ich habe 100 cm Hüftumfang. Welche Größe wäre richtig?"
    assert lookup(question, WOMEN) == WOMEN[2]
    assert lookup("Ich liege genau zwischen 40 und 42. Welche Größe soll ich nehmen?", WOMEN) is None
    assert lookup("Was hat Größe 42 für einen Brustumfang?", WOMEN) == WOMEN[3]


BOOTS = [
    "EU 41: UK 7,5, US Damen 9,5, US Herren 8,5, max. Fußlänge 26,1 cm.",
    "EU 42: UK 8, US Damen 10, US Herren 9, max. Fußlänge 26,8 cm.",
    "EU 43: UK 9, US Damen 11, US Herren 10, max. Fußlänge 27,5 cm.",
]


def test_a_header_of_several_words_stays_whole() -> None:
    row = parse_row(BOOTS[1])
    assert row is not None and row.values[1:] == (("US Damen", "10"), ("US Herren", "9"), ("max. Fußlänge", "26,8 cm"))
    row = parse_row("Land Österreich: Versandkostenfrei ab 79 €, Versand mit Post.")
    assert row is not None and row.values == (("Versandkostenfrei", "ab 79 €"), ("Versand", "mit Post"))


def test_a_short_header_names_its_column_as_it_is() -> None:
    assert lookup("ich trag normalerweise UK 9, was is das in EU bei euch?", BOOTS) == BOOTS[2]  # not US Herren 9


def test_a_measure_in_a_column_of_upper_bounds_is_the_first_row_that_reaches_it() -> None:
    assert lookup("Mein Fuß ist 26,5 cm lang. Welche Größe brauche ich?", BOOTS) == BOOTS[1]
    assert lookup("My foot is 27.5 cm long. Which size?", BOOTS) == BOOTS[2]
    assert lookup("Mein Fuß ist 28 cm lang.", BOOTS) is None  # beyond the last bound
    assert lookup("Ein Loch von 3 cm, was kostet das?", BOOTS) is None  # far below the first


def test_a_line_of_prose_behind_a_label_is_no_row() -> None:
    assert parse_row("M: Handumfang 20–21 cm, Handschuhgröße 8.") is not None
    assert parse_row("Denmark: you receive a GLS return label; we deduct €6.90 from your refund.") is None


def test_of_two_tables_holding_a_measure_the_one_whose_columns_the_question_names_answers() -> None:
    lines = [
        "Körpergröße 105–110 cm: Weidenau-Größe 110.",
        "Körpergröße 111–116 cm: Weidenau-Größe 116.",
        "Körpergröße des Kindes 76–95 cm: Schlafsacklänge 110 cm.",
        "Körpergröße des Kindes 96–115 cm: Schlafsacklänge 130 cm.",
    ]
    assert lookup("Meine Tochter ist 113 cm groß. Welche Größe passt ihr?", lines) == lines[1]
    assert lookup("Sie ist 113 cm groß, welche Schlafsacklänge?", lines) == lines[3]


def test_a_yes_or_no_that_opens_a_longer_cell_is_read_under_its_column() -> None:
    rows = [
        "Zahlungsart Kauf auf Rechnung: Deutschland ja – zahlbar in 10 Tagen; bis 600 € Warenwert, Österreich ja – "
        "zahlbar in 10 Tagen; bis 600 € Warenwert, Südtirol nein, Gut zu wissen Die Rechnung kommt per E-Mail.",
        "Zahlungsart PayPal: Deutschland ja, Österreich ja, Südtirol ja, Gut zu wissen Belastung beim Versand.",
    ]
    assert marked_cell("KANN ICH AUF RECHNUNG ZAHLEN WENN ICH IN SÜDTIROL WOHNE???", rows) == (
        "Kauf auf Rechnung ist für Südtirol nicht möglich.",
        False,
    )
    assert marked_cell("Nehmt ihr PayPal in Südtirol?", rows) == ("PayPal ist für Südtirol möglich.", True)


def test_a_row_of_marks_all_agreeing_answers_a_question_that_names_no_column() -> None:
    rows = [
        "Zahlungsart Kreditkarte (Visa, Mastercard): Bei Ostwind ja, Gut zu wissen Belastung erst beim Versand.",
        "Zahlungsart SEPA-Lastschrift: Bei Ostwind nein.",
    ]
    countries = [
        "Zahlungsart Google Pay: Deutschland ja, Österreich ja, Südtirol ja.",
        "Zahlungsart Ratenkauf: Deutschland ja, Österreich nein, Südtirol nein.",
    ]
    # what the customer lacks ("keine Kreditkarte") names no row they ask about
    lacking = "geht bei euch auch lastschrift? hab keine kreditkarte"
    assert marked_cell(lacking, rows, whole_row=True) == ("SEPA-Lastschrift ist nicht möglich.", False)
    assert marked_cell("Nehmt ihr Google Pay?", countries, whole_row=True) == (
        "Google Pay ist für Deutschland, Österreich und Südtirol möglich.",
        True,
    )
    assert marked_cell("Nehmt ihr Google Pay?", countries) is None  # only the search's first passage answers so
    assert marked_cell("Gibt es Ratenkauf?", countries, whole_row=True) is None  # the countries differ


JACKETS = ["Größe S: Brustumfang 88–95 cm.", "Größe M: Brustumfang 96–103 cm.", "Größe L: Brustumfang 104–111 cm."]
TROUSERS = [
    "Normalgröße 50: Untersetzt 25, Schlank 98, Bundumfang 90–93 cm.",
    "Normalgröße 52: Untersetzt 26, Schlank 102, Bundumfang 94–97 cm.",
]


def test_a_girth_named_in_other_words_finds_its_column_and_no_other_measures() -> None:
    question = "ich hab bundweite 95 zentimeter welche größe brauch ich bei ner bundhose"
    assert lookup(question, TROUSERS) == TROUSERS[1]  # "Bundweite" is the "Bundumfang"
    assert lookup(question, JACKETS) is None  # before, 95 cm of the waist was a chest of 88–95 cm
    assert lookup("Bundweite 95 cm, welche Größe?", JACKETS) is None
    fits = [
        "Passform Normal: Größen 42 bis 64, Schrittlänge 81 cm.",
        "Passform Schlank: Größen 82 bis 126, Schrittlänge 88 cm.",
    ]
    assert lookup(question, fits) is None  # "welche größe" names the sizes, but 95 is the waist
    assert lookup("Ich habe 97 cm, welche Größe?", JACKETS) == JACKETS[1]  # a measure named by no word: any column
    assert lookup("Ich habe 97 Zentimeter, welche Größe?", JACKETS) == JACKETS[1]  # the unit written out


CHART = ["Size S: Chest 86–91 cm, Waist 74–79 cm.", "Size M: Chest 92–97 cm, Waist 80–85 cm."]


def test_a_girth_named_in_the_other_language_finds_its_column() -> None:
    assert lookup("welche größe radhose bei 84 cm taille?", CHART) == CHART[1]  # "Taille" is the "Waist"
