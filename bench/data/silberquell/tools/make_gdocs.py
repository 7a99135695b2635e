#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the four Google Docs pages of knowledge/ (standard library only).

The service team writes these pages in Google Docs and exports them with "Datei > Herunterladen > Webseite":
one line of <head> with a long <style> block of generated class names (.c0 … .c19, .lst-kix_… list styles,
`.title`, `.subtitle`), `<body class="c… doc-content">`, every run of text in its own <span> with an inline
style (a new span wherever bold, italic, colour or a link starts or ends, and sometimes in the middle of a
sentence where the document was edited), headings with `id="h.…"`, links through `https://www.google.com/url?q=`,
list items written as <p> paragraphs with class names and a bullet or number run at their start (the way the
document was pasted in from an older export), `&nbsp;` and empty paragraphs, and the comment threads at the end
(`<a href="#cmnt_ref1" id="cmnt1">[a]</a>`).

In the source strings below, `**…**` marks a bold run, `__…__` an italic run and `|` a run boundary without a
change of style (an edit point); they never stand inside a word.

    python3 tools/make_gdocs.py
"""

from __future__ import annotations

import html
import re
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

BASE = "color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:&quot;Arial&quot;;font-style:normal"
BOLD = "color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:&quot;Arial&quot;;font-style:normal"
ITALIC = "color:#666666;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:10pt;font-family:&quot;Arial&quot;;font-style:italic"
HEAD1 = "color:#8c6e5a;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:20pt;font-family:&quot;Cormorant Garamond&quot;;font-style:normal"
HEAD2 = "color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:14pt;font-family:&quot;Arial&quot;;font-style:normal"
TITLE = "color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:26pt;font-family:&quot;Cormorant Garamond&quot;;font-style:normal"
LINK = "color:#1155cc;text-decoration:underline"

STYLE_BLOCK = (
    '<style type="text/css">@import url(https://themes.googleusercontent.com/fonts/css?kit=fpjTOVmNbO4Lz34iLyptLUXza5VhXqVC6o75Eld_V98);'
    '.lst-kix_2fl1pq4m8a7c-0>li:before{content:"\\0025cf   "}.lst-kix_9sw0z1g3hq5n-0>li{counter-increment:lst-ctn-kix_9sw0z1g3hq5n-0}'
    "ul.lst-kix_2fl1pq4m8a7c-0{list-style-type:none}ol{margin:0;padding:0}table td,table th{padding:0}"
    ".c0{margin-left:36pt;padding-top:0pt;text-indent:-18pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left}"
    ".c1{padding-top:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left;height:11pt}"
    ".c2{padding-top:0pt;padding-bottom:8pt;line-height:1.15;orphans:2;widows:2;text-align:left}"
    ".c3{padding-top:20pt;padding-bottom:6pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    ".c4{padding-top:18pt;padding-bottom:6pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    ".c5{background-color:#ffffff;max-width:451.4pt;padding:72pt 72pt 72pt 72pt}"
    ".c6{padding-top:0pt;padding-bottom:3pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    ".c7{padding-top:0pt;padding-bottom:16pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    ".c8{color:inherit;text-decoration:inherit}.c9{margin-left:36pt}.c10{margin-left:18pt;text-indent:-18pt}"
    ".title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;font-family:&quot;Arial&quot;;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    ".subtitle{padding-top:0pt;color:#666666;font-size:15pt;padding-bottom:16pt;font-family:&quot;Arial&quot;;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    "li{color:#000000;font-size:11pt;font-family:&quot;Arial&quot;}p{margin:0;color:#000000;font-size:11pt;font-family:&quot;Arial&quot;}"
    "h1{padding-top:20pt;color:#000000;font-size:20pt;padding-bottom:6pt;font-family:&quot;Arial&quot;;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}"
    "h2{padding-top:18pt;color:#000000;font-size:16pt;padding-bottom:6pt;font-family:&quot;Arial&quot;;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}</style>"
)


def esc(text: str) -> str:
    """HTML-escape a run the way Google does (quotes kept, non-breaking spaces as entities)."""
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def runs(text: str, base: str = BASE) -> str:
    """`**bold**`, `__italic__`, `[label](url)` and `|` edit points into <span style> runs."""
    out = []
    for part in re.split(r"(\*\*.+?\*\*|__.+?__|\[[^\]]+\]\([^)]+\)|\|)", text):
        if not part or part == "|":
            continue
        if part.startswith("**"):
            out.append(f'<span style="{BOLD}">{esc(part[2:-2])}</span>')
        elif part.startswith("__"):
            out.append(f'<span style="{ITALIC}">{esc(part[2:-2])}</span>')
        elif part.startswith("["):
            label, url = re.match(r"\[([^\]]+)\]\(([^)]+)\)", part).groups()
            google = (
                "https://www.google.com/url?q="
                + url
                + "&amp;sa=D&amp;source=editors&amp;ust=1767012345678000&amp;usg=AOvVaw2kq9Xb1R0m"
            )
            out.append(f'<span style="{base};{LINK}"><a class="c8" href="{google}">{esc(label)}</a></span>')
        else:
            out.append(f'<span style="{base}">{esc(part)}</span>')
    return "".join(out)


class Doc:
    def __init__(self, title: str) -> None:
        self.title = title
        self.parts: list[str] = []
        self.heading_ids = iter(
            [
                "h.3znysh7",
                "h.2et92p0",
                "h.tyjcwt",
                "h.3dy6vkm",
                "h.1t3h5sf",
                "h.4d34og8",
                "h.2s8eyo1",
                "h.17dp8vu",
                "h.3rdcrjn",
                "h.26in1rg",
                "h.lnxbz9",
                "h.35nkun2",
            ]
        )
        self.comments: list[str] = []

    def title_par(self, text: str) -> None:
        self.parts.append(f'<p class="c6 title" id="h.gjdgxs"><span style="{TITLE}">{esc(text)}</span></p>')

    def subtitle(self, text: str) -> None:
        self.parts.append(f'<p class="c7 subtitle" id="h.30j0zll">{runs(text, ITALIC)}</p>')

    def h1(self, text: str) -> None:
        self.parts.append(f'<h1 class="c3" id="{next(self.heading_ids)}"><span style="{HEAD1}">{esc(text)}</span></h1>')

    def h2(self, text: str) -> None:
        self.parts.append(f'<h2 class="c4" id="{next(self.heading_ids)}"><span style="{HEAD2}">{esc(text)}</span></h2>')

    def p(self, text: str, comment: str | None = None) -> None:
        body = runs(text)
        if comment:
            n = len(self.comments) + 1
            letter = "abcdefghij"[n - 1]
            body += f'<sup><a href="#cmnt{n}" id="cmnt_ref{n}">[{letter}]</a></sup>'
            self.comments.append(
                f'<div class="c10"><p class="c2"><a href="#cmnt_ref{n}" id="cmnt{n}">[{letter}]</a>{runs(comment)}</p></div>'
            )
        self.parts.append(f'<p class="c2">{body}</p>')

    def bullets(self, items: list[str], marker: str = "●") -> None:
        for item in items:
            self.parts.append(f'<p class="c0 c9"><span style="{BASE}">{marker}&nbsp;&nbsp;</span>{runs(item)}</p>')

    def numbered(self, items: list[str]) -> None:
        for number, item in enumerate(items, 1):
            self.parts.append(f'<p class="c0 c9"><span style="{BASE}">{number}.&nbsp;&nbsp;</span>{runs(item)}</p>')

    def empty(self) -> None:
        self.parts.append(f'<p class="c1"><span style="{BASE}"></span></p>')

    def render(self) -> str:
        comments = "".join(self.comments)
        return (
            '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
            f"{STYLE_BLOCK}<title>{esc(self.title)}</title></head>"
            f'<body class="c5 doc-content">{"".join(self.parts)}{comments}</body></html>\n'
        )


# ------------------------------------------------------------------------------------------------ the pages
def massanfertigung() -> str:
    d = Doc("Maßanfertigung & Lieferzeiten")
    d.title_par("Maßanfertigung & Lieferzeiten")
    d.subtitle("Stand: Januar 2026 | – mit dem Atelier abgestimmt")
    d.h1("So entsteht Ihr Kleid nach Maß")
    d.p("Jedes Maßstück fertigen wir in unserem Atelier in Kassel. |So läuft eine Maßanfertigung ab:")
    d.numbered(
        [
            "**Beratung und Maßnehmen:** im Showroom in Kassel oder zu Hause mit unserer Maßanleitung. Ein Maßband legen wir jeder Maßanleitung kostenlos bei.",
            "**Maßbestätigung:** Sie erhalten Ihre Maße, das gewählte Design und den Liefertermin per E-Mail. Bitte prüfen Sie alles innerhalb von 5 Tagen.",
            "**Anzahlung:** Mit der Maßbestätigung wird die Anzahlung fällig (siehe „Zahlung & Anzahlung“).",
            "**Zuschnitt und Fertigung** in unserem Atelier.",
            "**Versand** in der Kleiderbox zum vereinbarten Liefertermin.",
        ]
    )
    d.empty()
    d.h1("Lieferzeiten")
    d.p("Die Lieferzeit rechnen wir ab dem Tag der Maßbestätigung:")
    d.bullets(
        [
            "Brautkleid nach Maß: |**14 bis 16 Wochen**",
            "Abendkleid nach Maß: **8 Wochen**",
            "Anzug nach Maß für Bräutigam oder Trauzeugen: **6 Wochen**",
            "Kommunionkleid nach Maß: **5 Wochen**",
        ]
    )
    d.p(
        "Wir empfehlen, ein Brautkleid nach Maß mindestens 6 Monate vor der Hochzeit zu bestellen. |So bleibt genug Zeit für die Anprobe und für kleine Änderungen."
    )
    d.h1("Eilfertigung")
    d.p(
        "Ist Ihre Hochzeit näher, fertigen wir ein Brautkleid auch als **Eilfertigung in 9 Wochen**. Der Aufpreis für die Eilfertigung beträgt **290 €**. "
        "Eine Eilfertigung ist nur nach telefonischer Rücksprache möglich, weil wir dafür einen Platz in der Produktion freihalten müssen. "
        "|Für Abendkleider, Anzüge und Kommunionkleider bieten wir keine Eilfertigung an.",
        comment="Marion K.: Aufpreis mit dem Atelier abgestimmt, bitte so veröffentlichen.",
    )
    d.h1("Änderungen am Design")
    d.p(
        "Änderungen am Design, zum Beispiel ein anderer Ausschnitt, Ärmel oder eine andere Spitze, sind **kostenlos bis zum Zuschnitt**. "
        "Der Zuschnitt erfolgt 3 Wochen nach der Maßbestätigung. Danach sind Änderungen nur noch über unsere Änderungsschneiderei möglich und kosten extra."
    )
    d.h1("Unsere Hochzeitsgarantie")
    d.p(
        "Verzögert sich ein Liefertermin, informieren wir Sie spätestens 4 Wochen vor dem zugesagten Termin. "
        "Können wir Ihr Brautkleid nicht spätestens **10 Tage vor Ihrer Hochzeit** liefern, stellen wir Ihnen **kostenlos ein Kleid aus unserer Mietkollektion** zur Verfügung, "
        "und Sie können den Auftrag kostenfrei stornieren."
    )
    d.h1("Stornierung")
    d.p(
        "Wie Sie eine Maßanfertigung stornieren, lesen Sie unter [Bestellung stornieren oder ändern](https://www.silberquell-festmode.example/service/stornieren/)."
    )
    d.empty()
    d.p("__Interne Dokument-ID: SQ-SERVICE-07 · Freigabe: Kundenservice__")
    return d.render()


def stoffmuster() -> str:
    d = Doc("Stoffmuster bestellen")
    d.title_par("Stoffmuster bestellen")
    d.subtitle("Farben und Stoffe in Ruhe zu Hause ansehen")
    d.p(
        "Farben wirken am Bildschirm oft anders als in Wirklichkeit, |besonders bei Ivory, Champagner und Blush. Bestellen Sie deshalb vorab Stoffmuster."
    )
    d.h2("So bestellen Sie Stoffmuster")
    d.bullets(
        [
            "Klicken Sie auf der Produktseite des Kleides auf **„Stoffmuster anfordern“** und wählen Sie bis zu 5 Stoffe aus.",
            "Im Showroom in Kassel können Sie alle Stoffe auch direkt ansehen und anfassen.",
            "Für Anzüge, Westen und Krawatten schicken wir Ihnen auf Wunsch Muster aus denselben Farbkarten, damit die Trauzeugen zur Braut passen.",
        ]
    )
    d.h2("Was kosten Stoffmuster?")
    d.bullets(
        [
            "Bis zu **5 Stoffmuster pro Bestellung sind kostenlos**.",
            "Jedes weitere Muster kostet 1,50 €.",
            "Das Spitzen-Musterbuch mit 24 Spitzen kostet 12 €. |Bestellen Sie innerhalb von 3 Monaten ein Kleid, rechnen wir die 12 € an.",
        ]
    )
    d.h2("Versand der Stoffmuster")
    d.p(
        "Stoffmuster verschicken wir als DHL-Päckchen, **auch an eine Packstation oder Postfiliale**. Sie sind in 2 bis 3 Werktagen bei Ihnen. "
        "Stoffmuster liefern wir nur nach Deutschland und Österreich."
    )
    d.h2("Muss ich die Stoffmuster zurückschicken?")
    d.p("Nein, die Stoffmuster dürfen Sie behalten. |Jedes Muster ist etwa 10 × 10 cm groß.")
    return d.render()


def widerruf() -> str:
    d = Doc("Widerrufsbelehrung")
    d.title_par("Widerrufsbelehrung")
    d.subtitle("Für Verbraucher | – Stand: Januar 2026")
    d.h1("Widerrufsrecht")
    d.p(
        "Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen. "
        "Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, der nicht der Beförderer ist, die Waren in Besitz genommen haben bzw. hat."
    )
    d.p(
        "Um Ihr Widerrufsrecht auszuüben, müssen Sie uns (Silberquell Braut- & Festmode GmbH, Friedrich-Ebert-Straße 84, 34119 Kassel, "
        "E-Mail: **widerruf@silberquell-festmode.example**) mittels einer eindeutigen Erklärung (zum Beispiel ein mit der Post versandter Brief oder eine E-Mail) "
        "über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren. |Sie können dafür das beigefügte Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist."
    )
    d.p(
        "Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die Ausübung des Widerrufsrechts vor Ablauf der Widerrufsfrist absenden."
    )
    d.h1("Folgen des Widerrufs")
    d.p(
        "Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, einschließlich der Lieferkosten "
        "(mit Ausnahme der zusätzlichen Kosten, die sich daraus ergeben, dass Sie eine andere Art der Lieferung als die von uns angebotene, günstigste Standardlieferung gewählt haben), "
        "unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist. "
        "Für diese Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen Transaktion eingesetzt haben."
    )
    d.p(
        "Wir können die Rückzahlung verweigern, bis wir die Waren wieder zurückerhalten haben oder bis Sie den Nachweis erbracht haben, dass Sie die Waren zurückgesandt haben, "
        "je nachdem, welches der frühere Zeitpunkt ist. Sie tragen die unmittelbaren Kosten der Rücksendung der Waren."
    )
    d.h1("Ausschluss des Widerrufsrechts")
    d.p(
        "Das Widerrufsrecht besteht nicht bei Verträgen zur Lieferung von Waren, die nicht vorgefertigt sind und für deren Herstellung eine individuelle Auswahl oder Bestimmung durch den Verbraucher maßgeblich ist "
        "oder die eindeutig auf die persönlichen Bedürfnisse des Verbrauchers zugeschnitten sind. "
        "**Bei uns besteht deshalb kein Widerrufsrecht für Maßanfertigungen** (Brautkleider, Abendkleider, Anzüge und Kommunionkleider nach Maß) "
        "und für Artikel, die wir auf Ihren Wunsch gekürzt oder personalisiert haben."
    )
    d.h1("Muster-Widerrufsformular")
    d.p(
        "__(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.)__"
    )
    d.bullets(
        [
            "An Silberquell Braut- & Festmode GmbH, Friedrich-Ebert-Straße 84, 34119 Kassel, widerruf@silberquell-festmode.example:",
            "Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den Kauf der folgenden Waren (*)",
            "Bestellt am (*) / erhalten am (*)",
            "Name des/der Verbraucher(s)",
            "Anschrift des/der Verbraucher(s)",
            "Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)",
            "Datum",
        ],
        marker="–",
    )
    d.p("__(*) Unzutreffendes streichen.__")
    return d.render()


def stornieren() -> str:
    d = Doc("Bestellung stornieren oder ändern")
    d.title_par("Bestellung stornieren oder ändern")
    d.subtitle("Lagerware, Maßanfertigung und Mietkleid")
    d.h1("Lagerware stornieren")
    d.p(
        "Eine Bestellung von Lagerware können Sie **innerhalb von 2 Stunden** nach dem Absenden selbst stornieren: "
        "Kundenkonto > „Meine Bestellungen“ > „Bestellung stornieren“. Als Gast nutzen Sie den Link in Ihrer Bestellbestätigung."
    )
    d.p(
        "Danach ist die Bestellung bereits im Versand. Nehmen Sie das Paket dann einfach nicht an; |für eine verweigerte Annahme berechnen wir keine Rücksendepauschale."
    )
    d.h1("Maßanfertigung stornieren")
    d.p(
        "Eine Maßanfertigung können Sie **innerhalb von 7 Tagen nach der Maßbestätigung kostenlos stornieren**. "
        "Danach behalten wir die Anzahlung ein, weil wir bereits mit der Fertigung begonnen haben."
    )
    d.p(
        "Ausnahme: Greift unsere Hochzeitsgarantie (siehe „Maßanfertigung & Lieferzeiten“), ist die Stornierung immer kostenfrei.",
        comment="Jana R.: Rechtsabteilung hat den Absatz im Dezember geprüft.",
    )
    d.h1("Lieferadresse oder Maße ändern")
    d.bullets(
        [
            "Bei Lagerware können wir nach Ablauf der 2 Stunden nichts mehr ändern.",
            "Bei einer Maßanfertigung ändern wir die Lieferadresse bis zum Versand kostenlos. Schreiben Sie uns dazu eine E-Mail.",
            "Maße und Design einer Maßanfertigung ändern Sie bis zum Zuschnitt (siehe „Maßanfertigung & Lieferzeiten“).",
        ]
    )
    d.h1("Mietkleid stornieren")
    d.p("Für die Stornierung eines Mietkleids gelten die Fristen aus dem Mietvertrag.")
    return d.render()


PAGES = {
    "massanfertigung-lieferzeiten.html": massanfertigung,
    "stoffmuster.html": stoffmuster,
    "widerrufsbelehrung.html": widerruf,
    "bestellung-stornieren-aendern.html": stornieren,
}


def main() -> None:
    KNOWLEDGE.mkdir(parents=True, exist_ok=True)
    for name, build in PAGES.items():
        (KNOWLEDGE / name).write_text(build(), encoding="utf-8")
        print("wrote", KNOWLEDGE / name)


if __name__ == "__main__":
    main()
