#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the two shop HTML pages of knowledge/ (standard library only).

Both pages sit in the same shop shell: a cookie-consent dialog, a USP bar, the header with the main menu and a
search form, a breadcrumb, the footer with newsletter form and legal links, and a tracking script.

- preisliste-mengenrabatte.html: the price list laid out with CSS grid: `div.price-grid` with `role="table"`
  and one `div` per cell (no `<table>`), so that cell texts follow one another without any row markup.
- faq-haeufige-fragen.html: an FAQ built from `<details>`/`<summary>` accordions, grouped under `<h2>`.

    python3 tools/make_shop_pages.py
"""

from __future__ import annotations

from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
BASE = "https://www.eichkamp-berufsmode.example"


def shell(title: str, path: str, crumb: str, main: str, style: str = "") -> str:
    return f"""<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | Eichkamp Berufsmode</title>
  <link rel="canonical" href="{BASE}{path}">
  <link rel="stylesheet" href="/assets/theme.min.css?v=4.12.0">
  <style>{style}</style>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"pageType": "service", "shop": "eichkamp-de"}});</script>
</head>
<body class="page page--service">
  <div class="cookie-consent" role="dialog" aria-modal="true" aria-labelledby="cc-title">
    <div class="cookie-consent__inner">
      <p id="cc-title" class="cookie-consent__title">Wir verwenden Cookies</p>
      <p class="cookie-consent__text">Wir nutzen Cookies und ähnliche Technologien, um unseren Shop für Sie zu verbessern und Ihnen passende Angebote zu zeigen. Mit „Alle akzeptieren“ stimmen Sie dem zu. Ihre Einwilligung können Sie jederzeit in den Cookie-Einstellungen widerrufen.</p>
      <div class="cookie-consent__buttons">
        <button type="button" class="btn btn--primary" data-consent="all">Alle akzeptieren</button>
        <button type="button" class="btn btn--secondary" data-consent="necessary">Nur notwendige</button>
        <a href="/cookie-einstellungen" class="cookie-consent__link">Einstellungen</a>
      </div>
    </div>
  </div>
  <div class="usp-bar">
    <div class="usp-bar__item">Versand mit UPS</div>
    <div class="usp-bar__item">Logo-Stick aus eigener Stickerei</div>
    <div class="usp-bar__item">Firmenkonto mit Kauf auf Rechnung</div>
  </div>
  <header class="site-header">
    <a class="site-header__logo" href="/"><img src="/assets/logo-eichkamp.svg" alt="Eichkamp Berufsmode"></a>
    <nav class="main-nav" aria-label="Hauptmenü">
      <div class="main-nav__item"><a href="/arbeitskleidung">Arbeitskleidung</a></div>
      <div class="main-nav__item"><a href="/pflegekleidung">Pflegekleidung</a></div>
      <div class="main-nav__item"><a href="/kochbekleidung">Kochbekleidung</a></div>
      <div class="main-nav__item"><a href="/sicherheitsschuhe">Sicherheitsschuhe</a></div>
      <div class="main-nav__item"><a href="/veredelung">Veredelung</a></div>
      <div class="main-nav__item"><a href="/service">Service</a></div>
    </nav>
    <form class="site-search" action="/suche" role="search"><input type="search" name="q" placeholder="Suchbegriff, Artikelnummer …"><button type="submit">Suchen</button></form>
    <div class="site-header__account"><a href="/konto">Anmelden</a> <a href="/warenkorb">Warenkorb (0)</a></div>
  </header>
  <nav class="breadcrumb" aria-label="Brotkrümelnavigation">
    <a href="/">Startseite</a> <span class="breadcrumb__sep">/</span> <a href="/service">Service</a> <span class="breadcrumb__sep">/</span> <span aria-current="page">{crumb}</span>
  </nav>
  <main id="content" class="content">
{main}
  </main>
  <footer class="site-footer">
    <div class="site-footer__newsletter">
      <p>Newsletter: Neuheiten und Aktionen für Betriebe</p>
      <form action="/newsletter"><input type="email" placeholder="Ihre E-Mail-Adresse"><button>Anmelden</button></form>
    </div>
    <div class="site-footer__links">
      <a href="/impressum">Impressum</a> · <a href="/agb">AGB</a> · <a href="/datenschutz">Datenschutz</a> · <a href="/cookie-einstellungen">Cookie-Einstellungen</a>
    </div>
    <p class="site-footer__copy">© 2026 Eichkamp Berufsmode GmbH · Gewerbepark Eichkamp 7 · 44651 Herne</p>
  </footer>
  <script src="/assets/theme.min.js?v=4.12.0" defer></script>
  <script>(function(){{var s=document.createElement("script");s.src="https://stats.eichkamp-berufsmode.example/t.js";s.async=1;document.head.appendChild(s);}})();</script>
</body>
</html>
"""


GRID_STYLE = """
    .price-grid { display: grid; grid-template-columns: minmax(16rem, 3fr) minmax(6rem, 1fr) minmax(12rem, 3fr); border-top: 1px solid #d7d7d7; margin: 1rem 0 2rem; }
    .price-grid--two { grid-template-columns: minmax(12rem, 2fr) minmax(6rem, 1fr); }
    .price-grid > div { padding: .55rem .75rem; border-bottom: 1px solid #d7d7d7; }
    .price-grid > .price-grid__head { font-weight: 700; background: #f3f1ec; }
    .price-grid > .price-grid__price { text-align: right; white-space: nowrap; }
    .note { background: #fff8e1; border-left: 4px solid #f2b705; padding: .75rem 1rem; }
"""


def grid(head: list[str], rows: list[list[str]], label: str, two: bool = False) -> str:
    cls = "price-grid price-grid--two" if two else "price-grid"
    cells = [f'      <div class="price-grid__head" role="columnheader">{h}</div>' for h in head]
    for row in rows:
        for i, cell in enumerate(row):
            extra = " price-grid__price" if i == 1 else ""
            cells.append(f'      <div class="price-grid__cell{extra}" role="cell">{cell}</div>')
    body = "\n".join(cells)
    return f'    <div class="{cls}" role="table" aria-label="{label}">\n{body}\n    </div>'


PRICE_MAIN = "\n".join(
    [
        "    <h1>Preisliste: Stick, Druck und Mengenrabatte</h1>",
        '    <p class="lead">Alle Preise auf dieser Seite sind Nettopreise je Teil, zuzüglich 19&nbsp;% Umsatzsteuer. Die Kleidung selbst finden Sie mit ihrem Preis im Shop.</p>',
        "    <h2>Veredelung</h2>",
        grid(
            ["Leistung", "Preis", "Hinweis"],
            [
                ["Logo-Stick klein (Brust oder Ärmel, bis 8.000 Stiche)", "4,80&nbsp;€", "je Teil und Position"],
                ["Logo-Stick groß (Rücken, bis 25.000 Stiche)", "11,50&nbsp;€", "je Teil"],
                ["Transferdruck bis DIN A6 (Brust oder Ärmel)", "3,20&nbsp;€", "je Teil und Position"],
                ["Transferdruck Rücken bis DIN A4", "6,90&nbsp;€", "je Teil"],
                ["Namensstick", "3,50&nbsp;€", "je Teil"],
                [
                    "Einrichtung Stickprogramm",
                    "39,00&nbsp;€",
                    "einmalig je Logo; entfällt ab 100 veredelten Teilen pro Auftrag",
                ],
                ["Druckvorlage Transferdruck", "19,00&nbsp;€", "einmalig je Motiv"],
            ],
            "Veredelungspreise",
        ),
        "    <h2>Mengenrabatte auf Kleidung</h2>",
        "    <p>Ab 10 Teilen eines Modells erhalten Sie automatisch einen Mengenrabatt auf den Kleidungspreis:</p>",
        grid(
            ["Menge je Modell", "Rabatt"],
            [
                ["ab 10 Teilen", "5&nbsp;%"],
                ["ab 25 Teilen", "8&nbsp;%"],
                ["ab 50 Teilen", "12&nbsp;%"],
                ["ab 100 Teilen", "15&nbsp;%"],
            ],
            "Mengenrabatte",
            two=True,
        ),
        '    <div class="note">',
        "      <p>Für den Mengenrabatt zählen wir die Teile je Modell (Artikelnummer) in einer Bestellung. Größen und Farben desselben Modells werden zusammengezählt, verschiedene Modelle nicht.</p>",
        "      <p>Der Rabatt gilt auf den Kleidungspreis, nicht auf Veredelungspreise und nicht auf Versandkosten.</p>",
        "      <p>Sicherheitsschuhe sind vom Mengenrabatt ausgenommen.</p>",
        "    </div>",
        "    <h2>Rechenbeispiel</h2>",
        grid(
            ["Position", "Betrag", "Rechnung"],
            [
                ["30 Poloshirts „Schicht“ zu je 19,90&nbsp;€", "597,00&nbsp;€", "30 × 19,90&nbsp;€"],
                ["Mengenrabatt 8&nbsp;%", "−47,76&nbsp;€", "ab 25 Teilen eines Modells"],
                ["Logo-Stick klein auf der Brust", "144,00&nbsp;€", "30 × 4,80&nbsp;€"],
                ["Einrichtung Stickprogramm", "39,00&nbsp;€", "einmalig"],
                ["Summe netto", "732,24&nbsp;€", "zuzüglich Umsatzsteuer und Versand"],
            ],
            "Rechenbeispiel",
        ),
        '    <p class="small">Stand der Preisliste: 1. September 2026. Preisänderungen und Irrtümer vorbehalten.</p>',
    ]
)


def faq(question: str, *answer: str) -> str:
    paras = "".join(f"<p>{a}</p>" for a in answer)
    return (
        '      <details class="faq__item">\n'
        f'        <summary class="faq__question">{question}</summary>\n'
        f'        <div class="faq__answer">{paras}</div>\n'
        "      </details>"
    )


FAQ_MAIN = "\n".join(
    [
        "    <h1>Häufige Fragen (FAQ)</h1>",
        "    <p>Hier finden Sie Antworten auf die Fragen, die uns am häufigsten erreichen. Klicken Sie auf eine Frage, um die Antwort zu sehen.</p>",
        '    <section class="faq" id="bestellung">',
        "      <h2>Bestellung</h2>",
        faq(
            "Kann ich auch als Privatperson bei Ihnen bestellen?",
            "Ja. Alle Artikel können Sie auch ohne Firmenkonto als Privatkunde bestellen.",
        ),
        faq(
            "Gibt es einen Mindestbestellwert?",
            "Nein, einen Mindestbestellwert gibt es nicht. Für Logo-Stick und Transferdruck gelten allerdings Mindestmengen.",
        ),
        faq(
            "Kann ich meine Bestellung stornieren?",
            "Solange Ihre Bestellung im Kundenkonto den Status „Eingegangen“ hat, können Sie sie dort selbst stornieren. Das ist in der Regel bis zu 60 Minuten nach der Bestellung möglich.",
            "Aufträge mit Veredelung können Sie nicht mehr stornieren, sobald Sie die Stickprobe freigegeben haben.",
        ),
        faq(
            "Sehe ich im Shop Netto- oder Bruttopreise?",
            "Ohne Anmeldung zeigt der Shop Bruttopreise inklusive Umsatzsteuer. Mit dem Schalter „Preise netto“ oben rechts können Sie jederzeit auf Nettopreise umschalten.",
        ),
        "    </section>",
        '    <section class="faq" id="abholung">',
        "      <h2>Abholung in Herne</h2>",
        faq(
            "Kann ich meine Bestellung selbst im Lager in Herne abholen?",
            "Ja. Wählen Sie an der Kasse die Versandart „Selbstabholung Lager Herne“. Die Abholung ist kostenlos.",
            "Sobald Ihre Bestellung bereitliegt, erhalten Sie eine E-Mail mit dem Betreff „Abholbereit“. Dann können Sie die Ware montags bis freitags von 7 bis 15:30 Uhr an der Warenausgabe abholen. Wir bewahren die Bestellung 10 Werktage für Sie auf.",
        ),
        faq(
            "Gibt es in Herne einen Werksverkauf?",
            "Nein. In Herne geben wir nur bestellte Ware aus; einen Verkauf vor Ort gibt es nicht.",
        ),
        "    </section>",
        '    <section class="faq" id="sortiment">',
        "      <h2>Sortiment und Service</h2>",
        faq(
            "Bieten Sie Geschenkgutscheine an?",
            "Nein, Geschenkgutscheine und Geschenkkarten bieten wir nicht an.",
        ),
        faq(
            "Vermieten oder leasen Sie Berufskleidung?",
            "Nein. Wir verkaufen Berufskleidung, eine Mietwäsche oder einen Wäscheservice bieten wir nicht an.",
        ),
        faq(
            "Gibt es einen gedruckten Katalog?",
            "Ja. Unser Katalog erscheint jedes Jahr im Februar und ist kostenlos. Schreiben Sie uns einfach an katalog@eichkamp-berufsmode.example.",
        ),
        faq(
            "Kommt auch jemand zur Größenberatung in unseren Betrieb?",
            "Ja, für Betriebe und Einrichtungen ab 50 Mitarbeitenden kommt unser Außendienst kostenlos zu Ihnen und nimmt die Größen vor Ort auf. Den Termin vereinbaren Sie mit dem Firmenkundenteam.",
        ),
        "    </section>",
        '    <p class="faq__more">Ihre Frage war nicht dabei? Unser Kundenservice hilft Ihnen gern weiter.</p>',
    ]
)

FAQ_STYLE = """
    .faq__item { border-bottom: 1px solid #d7d7d7; padding: .6rem 0; }
    .faq__question { cursor: pointer; font-weight: 600; }
    .faq__answer { padding: .4rem 0 0 1.2rem; }
"""


def main() -> None:
    pages = {
        "preisliste-mengenrabatte.html": shell(
            "Preisliste: Stick, Druck und Mengenrabatte", "/service/preisliste", "Preisliste", PRICE_MAIN, GRID_STYLE
        ),
        "faq-haeufige-fragen.html": shell("FAQ – Häufige Fragen", "/service/faq", "FAQ", FAQ_MAIN, FAQ_STYLE),
    }
    for name, text in pages.items():
        (KNOWLEDGE / name).write_text(text, encoding="utf-8")
        print(f"wrote knowledge/{name}")


if __name__ == "__main__":
    main()
