# ruff: noqa: E501
"""Write knowledge/faq-haeufige-fragen.html: one FAQ list rendered twice, as schema.org FAQPage JSON-LD in the
head and as a <details>/<summary> accordion in the body (as shop systems with an SEO plug-in publish it).

Run with any Python 3: python3 tools/make_faq.py
"""

from __future__ import annotations

import html
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "faq-haeufige-fragen.html"

FAQ = [
    (
        "Kann ich meine Bestellung stornieren?",
        (
            "Ja, innerhalb von 3 Stunden nach dem Absenden. Stornieren Sie die Bestellung selbst in Ihrem Kundenkonto "
            "oder über den Link in Ihrer Bestellbestätigung. Sind die 3 Stunden vorbei, verweigern Sie einfach die "
            "Annahme des Pakets oder schicken Sie die Artikel innerhalb der 45 Tage zurück."
        ),
    ),
    (
        "Kann ich die Lieferadresse nach dem Absenden noch ändern?",
        (
            "Nein, wir können die Lieferadresse einer abgeschickten Bestellung nicht mehr ändern, auch nicht am Telefon. "
            "Sobald Sie die UPS-Sendungsnummer haben, können Sie das Paket aber mit UPS My Choice an einen UPS Access "
            "Point umleiten."
        ),
    ),
    (
        "Kann ich online bestellen und im Trachtenhaus in Prien abholen?",
        (
            "Ja, mit Click & Collect. Wählen Sie an der Kasse „Abholung im Trachtenhaus Prien“. Die Abholung ist "
            "kostenlos, und wir bewahren Ihre Bestellung 14 Tage für Sie auf. Sie bekommen eine E-Mail, sobald alles "
            "abholbereit ist."
        ),
    ),
    (
        "Kann ich auch telefonisch bestellen?",
        (
            "Ja. Rufen Sie unsere Kundenberatung unter 08051 96 47 30 an, montags bis donnerstags von 7 bis 17 Uhr und "
            "freitags von 7 bis 13 Uhr."
        ),
    ),
    (
        "Verleihen oder vermieten Sie auch Trachten?",
        (
            "Nein. Wir verkaufen Trachten, einen Verleih oder eine Vermietung von Dirndl und Lederhosen bieten wir nicht "
            "an."
        ),
    ),
    ("Führen Sie auch Kindertracht?", "Ja, Kinderdirndl und Kinderlederhosen gibt es in den Größen 92 bis 152."),
    (
        "Wie lange dauert eine Maßlederhose?",
        (
            "Eine Maßlederhose ist 12 bis 14 Wochen nach dem Maßtermin im Trachtenhaus Prien fertig. Preise und Ablauf "
            "stehen im Faltblatt „Schneiderei & Änderungsservice“."
        ),
    ),
    (
        "Gibt es einen gedruckten Katalog?",
        (
            "Ja, unseren Katalog „Almrausch“ schicken wir zweimal im Jahr, im März und im September, kostenlos zu. Sie "
            "bestellen ihn über das Katalogformular im Shop oder bei der Kundenberatung."
        ),
    ),
    ("Liefern Sie auch am Samstag?", "Nein. UPS stellt unsere Pakete nur montags bis freitags zu."),
    (
        "Wo werden Ihre Lederhosen hergestellt?",
        (
            "Die Lederhosen unserer Eigenmarke „Haldenau Handwerk“ nähen wir in unserer Werkstatt in Prien am Chiemsee "
            "aus sämisch gegerbtem Hirschleder. Andere Marken in unserem Sortiment kommen von ausgewählten "
            "Trachtenherstellern aus Bayern und Österreich."
        ),
    ),
]


def main() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in FAQ
        ],
    }
    items = "\n".join(
        f'      <details class="faq-item" id="frage-{n}">\n'
        f'        <summary class="faq-question">{html.escape(q, quote=False)}</summary>\n'
        f'        <div class="faq-answer"><p>{html.escape(a, quote=False)}</p></div>\n'
        f"      </details>"
        for n, (q, a) in enumerate(FAQ, 1)
    )
    page = f"""<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Häufige Fragen (FAQ) | Haldenau Trachten &amp; Landhaus</title>
  <link rel="canonical" href="https://www.haldenau-trachten.example/service/faq-haeufige-fragen">
  <script type="application/ld+json">
{json.dumps(ld, ensure_ascii=False, indent=2)}
  </script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"pageType": "service-faq"}});</script>
</head>
<body class="page-service">
  <div class="usp-bar">Versandkostenfrei ab 140 € · 45 Tage Rückgabe · Schneiderei im Haus</div>
  <header class="site-header"><a class="logo" href="/">Haldenau</a></header>
  <nav class="breadcrumb"><a href="/">Start</a> › <a href="/service">Service</a> › Häufige Fragen</nav>
  <main>
    <h1>Häufige Fragen (FAQ)</h1>
    <p>Hier finden Sie kurze Antworten auf die Fragen, die uns am häufigsten erreichen. Ausführliches zu Versand,
    Rücksendung und Zahlung steht auf den jeweiligen Serviceseiten.</p>
    <section class="faq-accordion">
{items}
    </section>
  </main>
  <footer class="site-footer">© Haldenau Trachten &amp; Landhaus GmbH · Impressum · Datenschutz · AGB</footer>
</body>
</html>
"""
    OUT.write_text(page, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
