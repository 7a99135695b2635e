"""Builds knowledge/ruecksendung-umtausch.pdf: a one-column PDF whose lines are broken by hand with
hyphenation at the line ends ("Rück-" / "sendung"). "~" marks the allowed break points in a word.

    /work/main/.venv/bin/python tools/make_pdf.py      (fpdf2 is only the writing tool)
"""

from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "ruecksendung-umtausch.pdf"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
WIDTH = 88.0  # mm of text per line: narrow, so that many long words are hyphenated

SECTIONS = [
    (
        "Wie viel Zeit habe ich für eine Rück~sendung?",
        "Sie können un~ge~tra~ge~ne Schuhe und Ta~schen in~ner~halb von 50 Tagen ab der Zu~stel~lung "
        "zu~rück~schi~cken. Dieses frei~wil~li~ge Rück~ga~be~recht gilt zu~sätz~lich zum ge~setz~li~chen "
        "Wi~der~rufs~recht von 14 Tagen. Die Frist ist ge~wahrt, wenn Sie das Paket spä~tes~tens am 50. Tag "
        "in einem DPD Pickup Pa~ket~shop ab~ge~ben.",
    ),
    (
        "So schicken Sie zurück",
        "Mel~den Sie die Rück~sendung im Re~tou~ren~por~tal unter kranich-schuhe.example/retoure an; dafür "
        "ge~nü~gen Be~stell~num~mer und Post~leit~zahl. Mit Kun~den~kon~to geht es auch unter „Mein Kranich“ > "
        "„Meine Rück~sen~dun~gen“. Wählen Sie die Ar~ti~kel und den Rück~sende~grund aus. Sie be~kom~men ein "
        "DPD-Rück~sende~eti~kett als PDF zum Aus~dru~cken oder einen QR-Code auf Ihr Smart~phone. Geben Sie das "
        "Paket in einem DPD Pickup Pa~ket~shop ab. Rück~sen~dun~gen mit an~de~ren Pa~ket~diens~ten oder un~frei "
        "ver~schick~te Pakete können wir nicht an~neh~men.",
    ),
    (
        "Kein Drucker? Kein Problem.",
        "Zeigen Sie den QR-Code im DPD Pickup Pa~ket~shop vor. Dort wird das Rück~sende~eti~kett für Sie "
        "aus~ge~druckt und auf~ge~klebt. Einen ei~ge~nen Drucker brau~chen Sie nicht.",
    ),
    (
        "Was kostet die Rück~sendung?",
        "Für Rück~sen~dun~gen aus Deutsch~land be~rech~nen wir eine Rück~sende~pau~scha~le von 3,50 €. Aus "
        "Ös~ter~reich be~trägt die Pau~scha~le 6,00 €, aus Frank~reich, Lu~xem~burg und den Nie~der~lan~den "
        "7,50 €. Wir ziehen die Pau~scha~le von Ihrer Er~stat~tung ab. Ein Um~tausch und die Rück~sendung "
        "feh~ler~haf~ter Ware sind für Sie kos~ten~los.",
    ),
    (
        "Um~tausch in eine andere Größe, Weite oder Farbe",
        "Wählen Sie im Re~tou~ren~por~tal als Grund „Um~tausch“ und geben Sie die ge~wünsch~te Größe, Weite "
        "oder Farbe an. Den Um~tausch~ar~ti~kel schi~cken wir los, sobald Ihre Rück~sendung in unserem "
        "Re~tou~ren~zen~trum in Zwei~brü~cken an~ge~kom~men ist. Für den Um~tausch be~rech~nen wir weder "
        "Rück~sende~pau~scha~le noch Ver~sand~kos~ten. Ist der ge~wünsch~te Ar~ti~kel aus~ver~kauft, er~stat~ten "
        "wir Ihnen den Kauf~preis.",
    ),
    (
        "Richtig ver~pa~cken",
        "Legen Sie die Schuhe in den Schuh~kar~ton und stellen Sie den Schuh~kar~ton in einen Ver~sand~kar~ton, "
        "am besten in unseren Ori~gi~nal~ver~sand~kar~ton. Bitte kleben Sie das Rück~sende~eti~kett nie direkt "
        "auf den Schuh~kar~ton. Ist der Schuh~kar~ton be~klebt oder be~schä~digt, ziehen wir 5,00 € von der "
        "Er~stat~tung ab. Legen Sie den Lie~fer~schein bei.",
    ),
    (
        "Anprobieren, ohne die Rückgabe zu gefährden",
        "Pro~bie~ren Sie Schuhe bitte nur auf Tep~pich oder einem sau~be~ren Boden an. Schuhe mit Lauf~spu~ren "
        "an der Sohle gelten als ge~tra~gen; dafür be~rech~nen wir einen Wert~er~satz.",
    ),
    (
        "Was ist von der Rückgabe aus~ge~schlos~sen?",
        "Taschen und Le~der~wa~ren mit Ini~ti~a~len-Prä~gung, in~di~vi~du~ell an~ge~pass~te Ein~la~gen sowie "
        "ge~öff~ne~te Pfle~ge~mit~tel (Cremes, Sprays) sind von der Rück~ga~be und vom Um~tausch "
        "aus~ge~schlos~sen.",
    ),
    (
        "Rückgabe im Werks~ver~kauf?",
        "Online be~stell~te Ware können Sie im Werks~ver~kauf in Pir~ma~sens leider nicht zu~rück~ge~ben oder "
        "um~tau~schen. Bitte nutzen Sie immer das Re~tou~ren~por~tal.",
    ),
    ("Und mein Geld?", "Wann die Er~stat~tung bei Ihnen ist, lesen Sie auf unserer Seite „Rück~er~stat~tung“."),
]


def break_lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """Greedy line filling; a word that does not fit is split at its last fitting "~" (adding "-") or after a "-"."""
    lines: list[str] = []
    current = ""
    words = text.split(" ")
    index = 0
    while index < len(words):
        word = words[index]
        plain = word.replace("~", "")
        candidate = f"{current} {plain}" if current else plain
        if pdf.get_string_width(candidate) <= width:
            current = candidate
            index += 1
            continue
        split_done = False
        points = [i for i, ch in enumerate(word) if ch in "~-"]
        for point in reversed(points):
            head = word[:point].replace("~", "") + "-"
            tail = word[point + 1 :]
            if len(head) < 4 or len(tail.replace("~", "")) < 3:
                continue
            trial = f"{current} {head}" if current else head
            if pdf.get_string_width(trial) <= width:
                lines.append(trial)
                current = ""
                words[index] = tail
                split_done = True
                break
        if not split_done:
            lines.append(current)
            current = ""
            if pdf.get_string_width(plain) > width:  # never happens with these texts
                raise ValueError(plain)
    if current:
        lines.append(current)
    return lines


def main() -> None:
    pdf = FPDF(format="A4")
    pdf.set_title("Rücksendung und Umtausch")
    pdf.set_author("Kranich Schuhe & Taschen GmbH")
    pdf.set_subject("Rücksendeinformationen zum Paket")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(25, 20, 25)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 17)
    pdf.cell(0, 10, "Rücksendung & Umtausch", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(
        0, 6, "Kranich Schuhe & Taschen · Beileger zu Ihrem Paket · Stand Oktober 2026", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(3)
    all_lines = []
    for heading, body in SECTIONS:
        pdf.set_font("DejaVu", "B", 11.5)
        for line in break_lines(pdf, heading.replace("~", ""), WIDTH):
            pdf.cell(WIDTH, 6.5, line, new_x="LMARGIN", new_y="NEXT")
            all_lines.append(line)
        pdf.set_font("DejaVu", "", 10.5)
        for line in break_lines(pdf, body, WIDTH):
            pdf.cell(WIDTH, 5.4, line, new_x="LMARGIN", new_y="NEXT")
            all_lines.append(line)
        pdf.ln(2.5)
    pdf.set_font("DejaVu", "", 8)
    pdf.cell(
        0,
        6,
        "Kranich Schuhe & Taschen GmbH · Zweibrücker Straße 118 · 66953 Pirmasens · kranich-schuhe.example",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.output(str(OUT))
    print("\n".join(all_lines))


if __name__ == "__main__":
    main()
