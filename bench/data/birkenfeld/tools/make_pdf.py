"""Builds knowledge/birkenfeld-karte-ratenkauf.pdf with fpdf2 and the DejaVu font (Debian: fonts-dejavu-core)."""

from pathlib import Path

from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

SECTIONS = [
    (
        "1. Was ist die Birkenfeld-Karte?",
        "Die Birkenfeld-Karte ist eine Kundenkarte mit Zahlungsfunktion für Einkäufe bei Birkenfeld Versand. "
        "Kreditgeber ist die Hansa Teilzahlungsbank AG, Schlachte 19, 28195 Bremen; Birkenfeld Versand vermittelt "
        "den Kartenvertrag. Mit der Karte bezahlen Sie Ihre Bestellungen im Online-Shop, im Katalog und am Telefon.",
    ),
    (
        "2. Kosten",
        "Die Birkenfeld-Karte ist kostenlos: Es gibt keine Jahresgebühr und keine Kartengebühr. Zinsen fallen nur an, "
        "wenn Sie sich für die Teilzahlung entscheiden (siehe Punkt 5).",
    ),
    (
        "3. Voraussetzungen",
        "Sie sind mindestens 18 Jahre alt, haben Ihren Wohnsitz in Deutschland und ein Girokonto bei einer Bank in "
        "Deutschland. Die Hansa Teilzahlungsbank prüft Ihre Bonität bei der SCHUFA. Für Kundinnen und Kunden in "
        "Österreich und Luxemburg ist die Birkenfeld-Karte nicht erhältlich.",
    ),
    (
        "4. Verfügungsrahmen",
        "Zu Beginn beträgt Ihr Verfügungsrahmen bis zu 1.500 €. Nach 12 Monaten können Sie eine Erhöhung auf bis "
        "zu 3.000 € beantragen.",
    ),
    (
        "5. Monatsabrechnung und Teilzahlung",
        "Einmal im Monat erhalten Sie eine Abrechnung über alle Einkäufe. Sie haben die Wahl: Entweder zahlen Sie "
        "den Gesamtbetrag innerhalb von 20 Tagen nach der Abrechnung zinsfrei per Lastschrift, oder Sie zahlen in "
        "Teilbeträgen. Die monatliche Mindestrate beträgt 3 % des offenen Saldos, mindestens jedoch 15 €. Für den "
        "in Raten bezahlten Betrag gilt ein veränderlicher Sollzinssatz von 13,90 % pro Jahr, das entspricht einem "
        "effektiven Jahreszins von 14,82 %.",
    ),
    (
        "6. Zinsfreie Ratenzahlung ab 200 €",
        "Einkäufe ab einem Einkaufswert von 200 € können Sie ohne Zinsen in 6 gleichen Monatsraten bezahlen "
        "(effektiver Jahreszins 0,00 %). Wählen Sie dazu an der Kasse bei der Birkenfeld-Karte die Option "
        "„6 Monatsraten zinsfrei“. Für den Kauf von Geschenkkarten gilt die zinsfreie Ratenzahlung nicht.",
    ),
    (
        "7. Ihre Vorteile",
        "Als Inhaberin oder Inhaber der Birkenfeld-Karte schicken Sie Artikel immer kostenlos zurück: Die "
        "Rücksendepauschale von 3,95 € (aus Deutschland) fällt für Sie nicht an. Außerdem sehen Sie alle "
        "Kartenumsätze im Kundenkonto unter „Meine Birkenfeld-Karte“.",
    ),
    (
        "8. So beantragen Sie die Karte",
        "Sie beantragen die Birkenfeld-Karte online an der Kasse, indem Sie die Zahlungsart „Birkenfeld-Karte“ "
        "wählen, oder im Kundenkonto unter „Birkenfeld-Karte beantragen“. Die Entscheidung erhalten Sie sofort. "
        "Anschließend bestätigen Sie Ihre Identität per VideoIdent oder PostIdent. Die Karte kommt innerhalb von "
        "7 bis 10 Werktagen per Post; Ihre erste Bestellung können Sie schon vorher mit der vorläufigen "
        "Kartennummer bezahlen.",
    ),
    (
        "9. Kündigung",
        "Sie können den Kartenvertrag jederzeit kostenlos kündigen, schriftlich an die Hansa Teilzahlungsbank AG. "
        "Ein offener Saldo wird danach in den vereinbarten Raten weiter abbezahlt.",
    ),
    (
        "10. Widerrufsrecht für den Kartenvertrag",
        "Den Kreditvertrag zur Birkenfeld-Karte können Sie innerhalb von 14 Tagen nach Vertragsschluss ohne "
        "Angabe von Gründen gegenüber der Hansa Teilzahlungsbank AG widerrufen. Dieses Widerrufsrecht betrifft "
        "nur den Kartenvertrag; für Ihre Warenbestellungen gilt das Widerrufsrecht von Birkenfeld Versand.",
    ),
    (
        "11. Karte verloren oder Fragen zur Abrechnung",
        "Eine verlorene Karte lassen Sie rund um die Uhr unter 0421 330 77 00 sperren. Fragen zu Ihrer "
        "Kartenabrechnung und zu Ihren Raten beantwortet der Kundenservice der Hansa Teilzahlungsbank unter "
        "0421 330 77 10, montags bis freitags von 8 bis 20 Uhr.",
    ),
]

pdf = FPDF(format="A4")
pdf.set_title("Birkenfeld-Karte und Ratenkauf: Bedingungen im Überblick")
pdf.set_author("Birkenfeld Versand GmbH")
pdf.set_subject("Kundenkarte, Ratenkauf und Teilzahlung")
pdf.set_lang("de")
pdf.add_font("DejaVu", "", FONT)
pdf.add_font("DejaVu", "B", BOLD)
pdf.set_margins(20, 20, 20)
pdf.set_auto_page_break(True, margin=20)
pdf.add_page()
pdf.set_font("DejaVu", "B", 16)
pdf.multi_cell(0, 9, "Birkenfeld-Karte und Ratenkauf: Bedingungen im Überblick", align="L")
pdf.ln(2)
pdf.set_font("DejaVu", "", 9)
pdf.multi_cell(0, 5, "Birkenfeld Versand GmbH, Hafenstraße 31, 49074 Osnabrück · Stand: Januar 2026")
pdf.ln(4)
for heading, text in SECTIONS:
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 7, heading)
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.multi_cell(0, 5.5, text, align="L")
    pdf.ln(4)
pdf.output(str(Path(__file__).resolve().parent.parent / "knowledge" / "birkenfeld-karte-ratenkauf.pdf"))
print("ok")
