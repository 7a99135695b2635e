#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the three HTML pages of knowledge/ as a static site generator (Hugo) would export them (standard library).

- versandkosten-laender.html: the facts sit in a <table> with <caption>, <thead>, <tbody> and <tfoot> notes
  (footnote marks ¹ ² ³ in the cells, the notes in the footer rows);
- zustandsnoten-qualitaet.html and kontakt-laden.html: the facts sit in <dl> definition lists.

Every page carries the site's chrome: <head> with meta tags, skip link, header navigation, a cookie banner,
breadcrumbs, a footer with newsletter box and links, and scripts.

    python3 tools/make_html.py            # writes ../knowledge/*.html
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "knowledge"
SITE = "https://www.kiefernhain.example"


def page(*, title: str, path: str, description: str, crumbs: list[tuple[str, str]], body: str, updated: str) -> str:
    crumb_html = "\n".join(
        f'          <li class="breadcrumb__item"><a href="{href}">{label}</a></li>' for label, href in crumbs
    )
    return f"""<!DOCTYPE html>
<html lang="de" class="no-js">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="Hugo 0.128.2">
  <title>{title} | Kiefernhain Second Hand &amp; Re-Fashion</title>
  <meta name="description" content="{description}">
  <link rel="canonical" href="{SITE}{path}">
  <meta property="og:title" content="{title}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{SITE}{path}">
  <meta property="og:image" content="{SITE}/images/og-kiefernhain.jpg">
  <link rel="preload" href="/fonts/recoleta-medium.woff2" as="font" type="font/woff2" crossorigin>
  <link rel="stylesheet" href="/css/main.min.3f9a1c2e.css" integrity="sha256-Qm9vdA==">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <script>document.documentElement.classList.remove('no-js');</script>
</head>
<body class="page page--help">
  <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
  <header class="site-header">
    <a class="site-header__logo" href="/" aria-label="Kiefernhain Startseite"><img src="/images/logo-kiefernhain.svg" alt="Kiefernhain" width="160" height="40"></a>
    <nav class="site-nav" aria-label="Hauptmenü">
      <ul>
        <li><a href="/damen/">Damen</a></li>
        <li><a href="/herren/">Herren</a></li>
        <li><a href="/remade/">Re:made</a></li>
        <li><a href="/verkaufen/">Verkaufen</a></li>
        <li><a href="/kleiderabo/">Kleiderabo</a></li>
        <li><a href="/reparatur/">Reparatur</a></li>
        <li><a href="/hilfe/" aria-current="true">Hilfe</a></li>
      </ul>
    </nav>
    <div class="site-header__icons">
      <a href="/suche/" aria-label="Suche">&#128269;</a>
      <a href="/konto/" aria-label="Mein Konto">&#128100;</a>
      <a href="/warenkorb/" aria-label="Warenkorb">&#128092; <span class="badge">0</span></a>
    </div>
  </header>

  <div class="cookie-banner" id="cookie-banner" role="dialog" aria-labelledby="cookie-title">
    <p id="cookie-title"><strong>Wir verwenden Cookies</strong></p>
    <p>Wir nutzen Cookies, um unseren Shop für dich zu verbessern. Notwendige Cookies sind immer aktiv; Statistik und Marketing nur mit deiner Zustimmung. Mehr dazu in der <a href="/rechtliches/datenschutz/">Datenschutzerklärung</a>.</p>
    <button type="button" data-consent="all">Alle akzeptieren</button>
    <button type="button" data-consent="necessary">Nur notwendige</button>
    <a href="/cookie-einstellungen/">Einstellungen</a>
  </div>

  <main id="inhalt" class="help-article">
    <nav class="breadcrumb" aria-label="Brotkrümel">
      <ol>
{crumb_html}
          <li class="breadcrumb__item" aria-current="page">{title}</li>
      </ol>
    </nav>
    <article>
{body}
      <p class="help-article__updated">Zuletzt aktualisiert: <time datetime="{updated}">{updated}</time></p>
      <aside class="help-feedback">
        <p>War diese Seite hilfreich?</p>
        <button type="button" data-vote="up">&#128077; Ja</button>
        <button type="button" data-vote="down">&#128078; Nein</button>
      </aside>
    </article>
  </main>

  <footer class="site-footer">
    <section class="newsletter">
      <h2>Newsletter</h2>
      <p>Neue Einzelstücke, Ankauf-Aktionen und Reparatur-Tipps – einmal im Monat.</p>
      <form action="/newsletter/" method="post"><input type="email" name="email" placeholder="Deine E-Mail-Adresse"><button type="submit">Anmelden</button></form>
    </section>
    <nav aria-label="Fußzeile">
      <ul>
        <li><a href="/hilfe/">Hilfe &amp; FAQ</a></li>
        <li><a href="/hilfe/versandkosten/">Versandkosten</a></li>
        <li><a href="/hilfe/rueckgabe/">Rückgabe</a></li>
        <li><a href="/rechtliches/agb/">AGB</a></li>
        <li><a href="/rechtliches/widerruf/">Widerruf</a></li>
        <li><a href="/rechtliches/datenschutz/">Datenschutz</a></li>
        <li><a href="/impressum/">Impressum</a></li>
      </ul>
    </nav>
    <p class="site-footer__social"><a href="https://instagram.example/kiefernhain">Instagram</a> · <a href="https://tiktok.example/@kiefernhain">TikTok</a> · <a href="https://pinterest.example/kiefernhain">Pinterest</a></p>
    <p class="site-footer__copy">&copy; 2026 Kiefernhain Re-Fashion GmbH · Second Hand &amp; Re-Fashion aus Brandenburg</p>
  </footer>
  <script src="/js/consent.min.js" defer></script>
  <script src="/js/main.min.8d2e4b1a.js" defer></script>
</body>
</html>
"""


VERSANDKOSTEN = """      <h1>Versandkosten &amp; Lieferländer</h1>
      <p class="lead">Wir liefern in vier Länder. Hier siehst du auf einen Blick, was der Versand kostet, ab wann er kostenlos ist und wie lange dein Paket unterwegs ist.</p>
      <div class="table-wrapper">
        <table class="shipping-table">
          <caption>Versandkosten und Lieferzeiten nach Lieferland (Standardversand, pro Bestellung)</caption>
          <thead>
            <tr>
              <th scope="col">Lieferland</th>
              <th scope="col">Versand mit</th>
              <th scope="col">Versandkosten</th>
              <th scope="col">Versandkostenfrei ab</th>
              <th scope="col">Lieferzeit</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Deutschland</th>
              <td>DHL GoGreen</td>
              <td>4,29&nbsp;€</td>
              <td>69&nbsp;€&nbsp;<sup>²</sup></td>
              <td>2–4 Werktage</td>
            </tr>
            <tr>
              <th scope="row">Österreich</th>
              <td>Österreichische Post</td>
              <td>7,49&nbsp;€</td>
              <td>119&nbsp;€&nbsp;<sup>²</sup></td>
              <td>4–6 Werktage</td>
            </tr>
            <tr>
              <th scope="row">Schweiz&nbsp;<sup>¹</sup></th>
              <td>Schweizerische Post</td>
              <td>CHF 16.90</td>
              <td>–</td>
              <td>5–8 Werktage</td>
            </tr>
            <tr>
              <th scope="row">Niederlande</th>
              <td>PostNL</td>
              <td>8,20&nbsp;€</td>
              <td>129&nbsp;€&nbsp;<sup>²</sup></td>
              <td>3–5 Werktage</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <td colspan="5"><sup>¹</sup> In die Schweiz liefern wir nie versandkostenfrei. Für die Schweiz zeigen wir alle Preise in Schweizer Franken (CHF) an. Wir liefern unverzollt: Die Schweizerische Post erhebt bei der Zustellung die Mehrwertsteuer und eine Verzollungsgebühr. Beträgt die Mehrwertsteuer weniger als CHF 5, fällt nichts an.</td>
            </tr>
            <tr>
              <td colspan="5"><sup>²</sup> Maßgeblich ist der Warenwert nach Abzug von Aktionscodes. Guthaben zählt dabei als Zahlungsart und senkt den Warenwert nicht.</td>
            </tr>
            <tr>
              <td colspan="5"><sup>³</sup> In andere Länder liefern wir derzeit nicht, auch nicht nach Belgien, Luxemburg oder Liechtenstein.</td>
            </tr>
            <tr>
              <td colspan="5"><sup>⁴</sup> Kleiderabo-Boxen verschicken wir immer versandkostenfrei.</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>Alle Lieferzeiten gelten ab Versand. Wann wir verschicken, erklären wir unter <a href="/hilfe/lieferung/">Lieferung, Versandtag und Packstation</a>.</p>"""


ZUSTAND = """      <h1>Zustandsnoten &amp; Qualität</h1>
      <p class="lead">Jedes Teil bei Kiefernhain ist ein Einzelstück. Damit du weißt, was dich erwartet, bekommt jedes gebrauchte Teil eine Zustandsnote – A, B oder C.</p>

      <h2 id="zustandsnoten">Unsere Zustandsnoten</h2>
      <dl class="grades">
        <dt id="zustand-a"><span class="grade grade--a">A</span> Zustand A – wie neu</dt>
        <dd>Ungetragen oder nur kurz anprobiert, ohne Gebrauchsspuren. Viele Teile haben noch das Originaletikett.</dd>
        <dt id="zustand-b"><span class="grade grade--b">B</span> Zustand B – sehr gut</dt>
        <dd>Getragen, mit leichten Tragespuren wie minimalem Pilling oder einer leicht verblassten Farbe. Keine Flecken und keine Löcher.</dd>
        <dt id="zustand-c"><span class="grade grade--c">C</span> Zustand C – gut</dt>
        <dd>Deutliche Tragespuren oder ein kleiner Makel, etwa ein fehlender Knopf oder ein kleiner Fleck. Jeden Makel zeigen wir auf einem eigenen Foto und nennen ihn im Artikeltext. Teile in Zustand C kosten mindestens 40 % weniger als vergleichbare Teile in Zustand B.</dd>
        <dt id="remade"><span class="grade grade--remade">R</span> Re:made</dt>
        <dd>Upcycling aus unserem Atelier in Strausberg: aus gebrauchten Stoffen neu genäht. Re:made-Teile haben keine Zustandsnote.</dd>
      </dl>

      <h2 id="pruefung">So prüfen wir jedes Teil</h2>
      <dl class="quality">
        <dt>Prüfung</dt>
        <dd>Jedes Teil durchläuft unseren Check mit 21 Prüfpunkten, von den Nähten über Reißverschlüsse und Knöpfe bis zum Futter.</dd>
        <dt>Reinigung</dt>
        <dd>Vor dem Verkauf waschen wir jedes Teil bei 30&nbsp;°C oder frischen es mit Ozon auf, wenn es nicht gewaschen werden darf.</dd>
        <dt>Maße</dt>
        <dd>Wir messen jedes Teil flach liegend und geben die Maße in Zentimetern in der Artikelbeschreibung an.</dd>
        <dt>Echtheit</dt>
        <dd>Designerteile ab einem Verkaufspreis von 150&nbsp;€ prüfen wir mit einem externen Echtheitsservice. Sie bekommen ein Echtheitszertifikat.</dd>
        <dt>Geruch</dt>
        <dd>Teile aus Raucherhaushalten nehmen wir nicht in den Verkauf.</dd>
      </dl>
      <p class="note">Wie du einen Mangel meldest, der nicht in der Beschreibung stand, liest du unter <a href="/hilfe/reklamation/">Reklamation und Mängel</a>.</p>"""


KONTAKT = """      <h1>Kontakt, Servicezeiten &amp; Laden</h1>
      <p class="lead">Du hast eine Frage zu deiner Bestellung, deinem Ankauf oder deinem Kleiderabo? So erreichst du uns.</p>

      <h2 id="kundenservice">Kundenservice</h2>
      <dl class="contact">
        <dt>Telefon</dt>
        <dd><a href="tel:+493341407750">03341 40 77 50</a><br>Montag bis Donnerstag 9 bis 17 Uhr, Freitag 9 bis 13 Uhr. Am Wochenende und an Feiertagen ist die Hotline nicht besetzt.</dd>
        <dt>Aus Österreich und der Schweiz</dt>
        <dd><a href="tel:+493341407750">+49 3341 40 77 50</a> (zu den gleichen Zeiten, zum Tarif für Anrufe nach Deutschland)</dd>
        <dt>E-Mail</dt>
        <dd><a href="mailto:service@kiefernhain.example">service@kiefernhain.example</a><br>Wir antworten innerhalb von 2 Werktagen.</dd>
        <dt>Fragen zum Ankauf</dt>
        <dd><a href="mailto:ankauf@kiefernhain.example">ankauf@kiefernhain.example</a></dd>
        <dt>Fragen zum Kleiderabo</dt>
        <dd><a href="mailto:abo@kiefernhain.example">abo@kiefernhain.example</a></dd>
        <dt>Chat</dt>
        <dd>Unser digitaler Assistent hier auf der Website ist rund um die Uhr für dich da. Über Instagram-Nachrichten bieten wir keinen Kundenservice an.</dd>
        <dt>Post</dt>
        <dd>Kiefernhain Re-Fashion GmbH, Am Kiefernhain 7, 15344 Strausberg<br>Bitte schick keine Rücksendungen und keine Ankaufspakete an diese Adresse.</dd>
      </dl>

      <h2 id="laden">Unser Laden in Berlin-Friedrichshain</h2>
      <dl class="store">
        <dt>Adresse</dt>
        <dd>Kiefernhain Laden, Boxhagener Straße 58, 10245 Berlin</dd>
        <dt>Öffnungszeiten</dt>
        <dd>Dienstag bis Samstag 11 bis 19 Uhr<br>Sonntags und montags geschlossen</dd>
        <dt>Ankauf im Laden</dt>
        <dd>Mittwochs und samstags von 12 bis 18 Uhr nehmen wir ohne Termin bis zu 15 Teile pro Besuch an. Den Ankaufspreis zahlen wir dir sofort bar oder als Guthaben aus.</dd>
        <dt>Rückgaben</dt>
        <dd>Online-Bestellungen können wir im Laden leider nicht zurücknehmen. Bitte schick sie per Post an unser Sortierzentrum.</dd>
        <dt>Reparaturen</dt>
        <dd>Reparaturen kannst du im Laden abgeben und dort wieder abholen; dann fallen keine Versandkosten an.</dd>
        <dt>Gutscheine</dt>
        <dd>Geschenkgutscheine kannst du im Laden einlösen.</dd>
      </dl>"""


def main() -> None:
    pages = {
        "versandkosten-laender.html": page(
            title="Versandkosten &amp; Lieferländer",
            path="/hilfe/versandkosten/",
            description="Versandkosten, Grenze für kostenlosen Versand und Lieferzeiten für Deutschland, Österreich, die Schweiz und die Niederlande.",
            crumbs=[("Startseite", "/"), ("Hilfe", "/hilfe/"), ("Bestellung &amp; Versand", "/hilfe/#versand")],
            body=VERSANDKOSTEN,
            updated="2026-10-01",
        ),
        "zustandsnoten-qualitaet.html": page(
            title="Zustandsnoten &amp; Qualität",
            path="/hilfe/zustandsnoten/",
            description="Was die Zustandsnoten A, B und C bedeuten und wie wir jedes Second-Hand-Teil prüfen.",
            crumbs=[("Startseite", "/"), ("Hilfe", "/hilfe/"), ("Second Hand", "/hilfe/#second-hand")],
            body=ZUSTAND,
            updated="2026-08-12",
        ),
        "kontakt-laden.html": page(
            title="Kontakt, Servicezeiten &amp; Laden",
            path="/hilfe/kontakt/",
            description="Telefon, E-Mail und Servicezeiten des Kiefernhain-Kundenservice und unser Laden in Berlin-Friedrichshain.",
            crumbs=[("Startseite", "/"), ("Hilfe", "/hilfe/")],
            body=KONTAKT,
            updated="2026-09-21",
        ),
    }
    for name, text in pages.items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote knowledge/{name}")


if __name__ == "__main__":
    main()
