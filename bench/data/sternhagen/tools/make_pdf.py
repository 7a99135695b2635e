#!/usr/bin/env python3
"""Write knowledge/agb-allgemeine-geschaeftsbedingungen.pdf with fpdf2.

The AGB as a lawyer's PDF: sections "§ 1 …" with numbered paragraphs (1) (2) and lettered items a) b), set in
DejaVu Sans (from /usr/share/fonts when present, else Helvetica with the text transliterated), running over
several pages, with a header line and a footer line (date and "Seite x von y") on every page, so that the
extracted text has those lines in the middle of sections and sentences. The title is set in the PDF metadata and
as the first line.

    .venv/bin/python tools/make_pdf.py      # any Python with fpdf2
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "agb-allgemeine-geschaeftsbedingungen.pdf"
TITLE = "Allgemeine Geschäftsbedingungen (AGB)"
HEADER = "Sternhagen Herrenmode GmbH · Allgemeine Geschäftsbedingungen"
FOOTER = "Stand: 1. März 2026 · Seite {page} von {nb}"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/share/fonts")]

SECTIONS: list[tuple[str, list[str]]] = [
    (
        "§ 1 Geltungsbereich und Vertragspartner",
        [
            "(1) Diese Allgemeinen Geschäftsbedingungen gelten für alle Bestellungen, die Verbraucher im Onlineshop "
            "www.sternhagen-herrenmode.example, telefonisch oder per Click & Collect bei der Sternhagen Herrenmode "
            "GmbH, Poststraße 14, 42103 Wuppertal (im Folgenden „Sternhagen“), aufgeben.",
            "(2) Für Einkäufe direkt in unseren Filialen gelten diese Bedingungen nicht; dort gelten die Aushänge "
            "vor Ort.",
            "(3) Die Vertragssprache ist Deutsch.",
        ],
    ),
    (
        "§ 2 Vertragsschluss",
        [
            "(1) Die Darstellung der Artikel im Onlineshop ist kein bindendes Angebot. Mit dem Klick auf die "
            "Schaltfläche „Zahlungspflichtig bestellen“ geben Sie ein verbindliches Angebot zum Kauf der Artikel im "
            "Warenkorb ab.",
            "(2) Die Bestellbestätigung per E-Mail bestätigt nur den Eingang Ihrer Bestellung. Der Vertrag kommt "
            "erst mit unserer Versandbestätigung zustande, bei Click & Collect mit der E-Mail „Abholbereit“ und bei "
            "Maßhemden mit der Fertigungsbestätigung.",
            "(3) Bestellen können nur Personen, die mindestens 18 Jahre alt sind.",
        ],
    ),
    (
        "§ 3 Preise, Versandkosten und Liefergebiet",
        [
            "(1) Alle Preise sind Endpreise in Euro einschließlich der gesetzlichen Umsatzsteuer.",
            "(2) Die Versandkosten betragen pro Bestellung:",
            "a) Lieferung innerhalb Deutschlands: 4,65 €, ab einem Warenwert von 95 € versandkostenfrei;",
            "b) Lieferung nach Österreich: 7,25 €, ab einem Warenwert von 130 € versandkostenfrei;",
            "c) Lieferung in die Niederlande und nach Belgien: 8,40 €, ab einem Warenwert von 160 € versandkostenfrei;",
            "d) Expresslieferung, nur innerhalb Deutschlands: pauschal 10,90 €, unabhängig vom Warenwert.",
            "(3) Maßgeblich für die Versandkostenfreiheit ist der Warenwert nach Abzug von Gutscheinen. Maßhemden "
            "liefern wir immer versandkostenfrei. Die Abholung in einer Filiale (Click & Collect) ist kostenlos.",
            "(4) Wir liefern ausschließlich nach Deutschland, Österreich, in die Niederlande und nach Belgien.",
        ],
    ),
    (
        "§ 4 Zahlung",
        [
            "(1) Sie können mit PayPal, Kreditkarte (Visa, Mastercard, American Express), Apple Pay, "
            "SEPA-Lastschrift, iDEAL (nur bei Lieferung in die Niederlande), Bancontact (nur bei Lieferung nach "
            "Belgien) und auf Rechnung bezahlen. Bei Click & Collect können Sie auch bei der Abholung bezahlen.",
            "(2) Für den Kauf auf Rechnung gilt:",
            "a) Der Rechnungsbetrag ist innerhalb von 28 Tagen nach dem Versand ohne Abzug fällig.",
            "b) Der Kauf auf Rechnung ist nur bei Lieferung nach Deutschland oder Österreich möglich.",
            "c) Bei Ihrer ersten Bestellung ist der Kauf auf Rechnung auf einen Warenwert von 450 € begrenzt.",
            "d) Maßhemden sind vom Kauf auf Rechnung ausgeschlossen.",
            "(3) Geraten Sie in Zahlungsverzug, ist die erste Zahlungserinnerung kostenlos. Für die zweite Mahnung "
            "berechnen wir 3,50 €. Danach können wir die Forderung an ein Inkassounternehmen abtreten.",
        ],
    ),
    (
        "§ 5 Lieferung",
        [
            "(1) Vorrätige Artikel liefern wir innerhalb Deutschlands in 1–2 Werktagen, nach Österreich in 3–5 "
            "Werktagen und in die Niederlande und nach Belgien in 2–4 Werktagen.",
            "(2) Maßhemden liefern wir 15 Werktage nach der Bestellung.",
            "(3) Teillieferungen sind für Sie ohne zusätzliche Versandkosten.",
        ],
    ),
    (
        "§ 6 Eigentumsvorbehalt",
        [
            "Die gelieferte Ware bleibt bis zur vollständigen Bezahlung Eigentum von Sternhagen.",
        ],
    ),
    (
        "§ 7 Widerrufsrecht",
        [
            "(1) Verbrauchern steht ein gesetzliches Widerrufsrecht von vierzehn Tagen zu. Die Einzelheiten regelt "
            "die Widerrufsbelehrung.",
            "(2) Das Widerrufsrecht besteht nicht für Maßhemden und für Artikel, die auf Ihren Wunsch gekürzt oder "
            "geändert wurden.",
        ],
    ),
    (
        "§ 8 Freiwilliges Rückgaberecht",
        [
            "(1) Über das gesetzliche Widerrufsrecht hinaus räumen wir Ihnen ein freiwilliges Rückgaberecht von 60 "
            "Tagen ab Zustellung ein.",
            "(2) Für Rücksendungen berechnen wir aus Deutschland 3,45 €, aus Österreich 4,25 € und aus den "
            "Niederlanden und Belgien 5,80 €. Der Betrag wird mit der Erstattung verrechnet. Umtausch, "
            "Reklamationen und Rückgaben in einer Filiale sind kostenlos.",
            "(3) Vom freiwilligen Rückgaberecht ausgeschlossen sind Maßhemden, auf Ihren Wunsch geänderte Artikel "
            "sowie Unterwäsche und Socken mit geöffneter Hygieneversiegelung.",
            "(4) Ihr gesetzliches Widerrufsrecht bleibt von diesem Rückgaberecht unberührt.",
        ],
    ),
    (
        "§ 9 Preisgarantie",
        [
            "(1) Senkt Sternhagen den Preis eines Artikels im Onlineshop innerhalb von 10 Tagen nach der Zustellung "
            "Ihrer Bestellung, erstatten wir Ihnen auf Wunsch die Differenz zum neuen Preis.",
            "(2) Schreiben Sie dazu innerhalb dieser 10 Tage mit Ihrer Bestellnummer und dem Namen des Artikels an "
            "service@sternhagen-herrenmode.example. Die Differenz erstatten wir auf dem ursprünglichen Zahlungsweg.",
            "(3) Die Preisgarantie gilt nicht für Preisvorteile durch Aktionsgutscheine, nicht für Maßhemden und "
            "nicht für Artikel, die Sie zurückgeben.",
        ],
    ),
    (
        "§ 10 Gewährleistung, Garantie und Transportschäden",
        [
            "(1) Es gelten die gesetzlichen Mängelrechte. Die Gewährleistungsfrist beträgt 2 Jahre ab Lieferung.",
            "(2) Auf die Nähte der Anzüge und Sakkos der Linie „Sternhagen Manufaktur“ gewähren wir zusätzlich eine "
            "Garantie von 5 Jahren ab Lieferung. Ausgenommen sind Schäden durch unsachgemäße Pflege oder "
            "Änderungen, die nicht Sternhagen vorgenommen hat.",
            "(3) Transportschäden melden Sie bitte innerhalb von 5 Tagen nach Erhalt, damit wir sie beim "
            "Versanddienstleister geltend machen können. Ihre gesetzlichen Rechte bleiben davon unberührt.",
        ],
    ),
    (
        "§ 11 Haftung",
        [
            "(1) Sternhagen haftet unbeschränkt für Vorsatz und grobe Fahrlässigkeit sowie bei der Verletzung von "
            "Leben, Körper oder Gesundheit.",
            "(2) Bei leicht fahrlässiger Verletzung wesentlicher Vertragspflichten ist die Haftung auf den "
            "vertragstypischen, vorhersehbaren Schaden begrenzt. Im Übrigen ist die Haftung für leichte "
            "Fahrlässigkeit ausgeschlossen.",
        ],
    ),
    (
        "§ 12 Streitbeilegung",
        [
            "(1) Sternhagen ist nicht verpflichtet und nicht bereit, an einem Streitbeilegungsverfahren vor einer "
            "Verbraucherschlichtungsstelle teilzunehmen.",
            "(2) Beschwerden richten Sie bitte an beschwerde@sternhagen-herrenmode.example. Eine Teamleitung "
            "antwortet Ihnen innerhalb von 2 Werktagen.",
        ],
    ),
    (
        "§ 13 Schlussbestimmungen",
        [
            "(1) Es gilt das Recht der Bundesrepublik Deutschland unter Ausschluss des UN-Kaufrechts. Gegenüber "
            "Verbrauchern gilt diese Rechtswahl nur, soweit dadurch nicht der Schutz zwingender Bestimmungen des "
            "Staates entzogen wird, in dem der Verbraucher seinen gewöhnlichen Aufenthalt hat.",
            "(2) Ist der Kunde Kaufmann, ist Gerichtsstand Wuppertal.",
            "(3) Sollte eine Bestimmung dieser Bedingungen unwirksam sein, bleibt der Vertrag im Übrigen wirksam.",
        ],
    ),
]

TRANSLIT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "„": '"',
        "“": '"',
        "–": "-",
        "·": "-",
        "€": "EUR",
        "§": "Par.",
    }
)


def find_font() -> Path | None:
    for folder in FONT_DIRS:
        for path in (folder / "DejaVuSans.ttf", *folder.glob("**/DejaVuSans.ttf")):
            if path.is_file():
                return path
    return None


class AgbPdf(FPDF):
    def __init__(self, font_path: Path | None) -> None:
        super().__init__(format="A4")
        self.unicode_font = font_path is not None
        if font_path is not None:
            self.add_font("DejaVu", "", str(font_path))
            bold = font_path.with_name("DejaVuSans-Bold.ttf")
            self.add_font("DejaVu", "B", str(bold if bold.is_file() else font_path))
            self.base_family = "DejaVu"
        else:
            self.base_family = "Helvetica"

    def text_of(self, text: str) -> str:
        return text if self.unicode_font else text.translate(TRANSLIT)

    def header(self) -> None:
        self.set_font(self.base_family, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.text_of(HEADER), align="L")
        self.ln(4)
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(6)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1)
        self.set_font(self.base_family, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.text_of(FOOTER.format(page=self.page_no(), nb="{nb}")), align="C")
        self.set_text_color(0, 0, 0)


def main() -> None:
    pdf = AgbPdf(find_font())
    pdf.set_title(TITLE)
    pdf.set_author("Sternhagen Herrenmode GmbH")
    pdf.set_subject("AGB für Bestellungen im Onlineshop")
    pdf.set_creator("Sternhagen Rechtsabteilung")
    pdf.alias_nb_pages()
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font(pdf.base_family, "B", 15)
    pdf.multi_cell(0, 8, pdf.text_of(TITLE))
    pdf.ln(1)
    pdf.set_font(pdf.base_family, "", 10)
    pdf.multi_cell(0, 5, pdf.text_of("für Bestellungen im Onlineshop von Sternhagen Herrenmode"))
    pdf.ln(4)
    for heading, paragraphs in SECTIONS:
        pdf.set_font(pdf.base_family, "B", 11)
        pdf.multi_cell(0, 6, pdf.text_of(heading))
        pdf.ln(1)
        pdf.set_font(pdf.base_family, "", 10.5)
        for paragraph in paragraphs:
            indent = 6 if paragraph[:2] in {"a)", "b)", "c)", "d)"} else 0
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(0, 5.6, pdf.text_of(paragraph))
            pdf.ln(1.6)
        pdf.ln(3)
    pdf.set_font(pdf.base_family, "", 9)
    pdf.multi_cell(
        0,
        5,
        pdf.text_of(
            "Sternhagen Herrenmode GmbH, Poststraße 14, 42103 Wuppertal. Geschäftsführung: Konstanze Sternhagen, "
            "Malte Hövelmann. Amtsgericht Wuppertal, HRB 31742. Umsatzsteuer-Identifikationsnummer DE318447209. "
            "Telefon 0202 947 31 60, E-Mail service@sternhagen-herrenmode.example."
        ),
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    print(f"wrote {OUT} ({pdf.page_no()} pages)")


if __name__ == "__main__":
    main()
