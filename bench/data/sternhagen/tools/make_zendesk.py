#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the four Zendesk Guide help-center articles of knowledge/ (standard library only).

Each article is one HTML file the way a Zendesk Guide export or a saved help-center page looks: the Copenhagen
theme chrome (skip link, header with "Anfrage einreichen", breadcrumbs, search, the section's article list in the
sidebar), the article header (title, author, "Aktualisiert"), the `article-body` div with <h2>/<p>/<ul>/<ol>, and
below it the vote box ("War dieser Beitrag hilfreich?" Ja/Nein, "… von … fanden dies hilfreich"), "Ähnliche
Beiträge", the comment section, the footer and a script. German Zendesk labels, German text only.

    python3 tools/make_zendesk.py
"""

from __future__ import annotations

import html
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
BASE = "https://hilfe.sternhagen-herrenmode.example/hc/de"

ARTICLES = {
    "zahlungsarten": {
        "id": "360041187712",
        "title": "Welche Zahlungsarten bieten Sie an?",
        "category": ("360003318871", "Bezahlung & Rechnung"),
        "section": ("360007712254", "Zahlungsarten"),
        "author": "Jana Kückelhaus",
        "updated": ("2026-03-02T09:14:11Z", "2. März 2026 09:14"),
        "votes": (214, 251),
        "related": ["rueckerstattung", "bestellung-stornieren-aendern"],
        "body": """
<p>Bei Sternhagen Herrenmode bezahlen Sie mit einer der folgenden Zahlungsarten. Welche Ihnen zur Verfügung stehen, hängt vom Lieferland ab; Sie sehen sie im letzten Schritt an der Kasse.</p>
<h2>Zahlungsarten im Überblick</h2>
<ul>
<li><strong>PayPal</strong>: in allen Lieferländern.</li>
<li><strong>Kreditkarte</strong>: Visa, Mastercard und American Express, in allen Lieferländern. Wir belasten Ihre Karte erst, wenn wir die Bestellung versenden.</li>
<li><strong>Apple Pay</strong>: in allen Lieferländern, auf Apple-Geräten.</li>
<li><strong>Kauf auf Rechnung</strong>: nur bei Lieferung nach Deutschland und Österreich.</li>
<li><strong>SEPA-Lastschrift</strong>: mit einem deutschen oder österreichischen Girokonto.</li>
<li><strong>iDEAL</strong>: nur bei Lieferung in die Niederlande.</li>
<li><strong>Bancontact</strong>: nur bei Lieferung nach Belgien.</li>
</ul>
<h2>Kauf auf Rechnung</h2>
<p>Den Kauf auf Rechnung bieten wir selbst an, ohne einen Zahlungsdienstleister. Sie zahlen innerhalb von 28 Tagen nach dem Versand. Bei Ihrer ersten Bestellung ist der Kauf auf Rechnung bis zu einem Warenwert von 450&nbsp;€ möglich. Maßhemden können Sie nicht auf Rechnung kaufen.</p>
<h2>Welche Zahlungsarten bieten Sie nicht an?</h2>
<p>Google Pay, Klarna, Ratenkauf, Nachnahme und Vorkasse per Überweisung bieten wir nicht an.</p>
<h2>Bezahlen bei Click &amp; Collect</h2>
<p>Holen Sie Ihre Bestellung in einer unserer Filialen ab, bezahlen Sie wie gewohnt online oder erst bei der Abholung: bar, mit Girocard oder mit Kreditkarte.</p>
<h2>Maßhemden</h2>
<p>Maßhemden bezahlen Sie bei der Bestellung mit PayPal, Kreditkarte oder Apple Pay, auch wenn Sie das Hemd in einer Filiale abholen. Rechnung, Lastschrift, iDEAL, Bancontact und die Zahlung bei Abholung sind für Maßhemden nicht möglich.</p>
""",
    },
    "ruecksendung-umtausch": {
        "id": "360041187734",
        "title": "Rücksendung und Umtausch: So geht's",
        "category": ("360003318892", "Retoure & Erstattung"),
        "section": ("360007712291", "Rücksendung"),
        "author": "Timo Werhahn",
        "updated": ("2026-02-17T15:40:02Z", "17. Februar 2026 15:40"),
        "votes": (388, 472),
        "related": ["rueckerstattung", "bestellung-stornieren-aendern", "zahlungsarten"],
        "body": """
<p>Bei Sternhagen haben Sie <strong>60 Tage</strong> Zeit, Artikel zurückzuschicken. Die Frist beginnt mit dem Tag der Zustellung. Dieses freiwillige Rückgaberecht gilt zusätzlich zu Ihrem gesetzlichen Widerrufsrecht von 14 Tagen.</p>
<h2>So melden Sie eine Rücksendung an</h2>
<ol>
<li>Mit Kundenkonto: <em>Mein Konto › Meine Bestellungen › Artikel zurücksenden</em>.</li>
<li>Ohne Kundenkonto: im Retourenportal unter sternhagen-herrenmode.example/retoure. Dort genügen Ihre Bestellnummer und Ihr Nachname.</li>
<li>Wählen Sie die Artikel aus und nennen Sie kurz den Grund der Rücksendung.</li>
<li>Sie erhalten ein DHL-Retourenlabel als PDF zum Ausdrucken oder einen QR-Code. Ohne Drucker zeigen Sie den QR-Code in einer DHL-Filiale oder an einer Packstation mit Bildschirm vor, dort wird das Label für Sie gedruckt.</li>
</ol>
<p>Geben Sie das Paket bei DHL ab. Unfrei verschickte Pakete können wir nicht annehmen.</p>
<h2>Was kostet die Rücksendung?</h2>
<ul>
<li>Aus Deutschland: 3,45&nbsp;€ pro Rücksendung. Wir ziehen den Betrag von Ihrer Erstattung ab.</li>
<li>Aus Österreich: 4,25&nbsp;€ pro Rücksendung.</li>
<li>Aus den Niederlanden und aus Belgien: 5,80&nbsp;€ pro Rücksendung.</li>
<li>Kostenlos sind ein Umtausch, die Rücksendung fehlerhafter Ware und jede Rückgabe in einer unserer Filialen.</li>
</ul>
<h2>Umtausch in eine andere Größe oder Farbe</h2>
<p>Wählen Sie im Retourenportal als Grund „Umtausch“ und geben Sie die gewünschte Größe oder Farbe an. Der Umtausch ist kostenlos. Den neuen Artikel schicken wir los, sobald Ihre Rücksendung in unserem Logistikzentrum in Wülfrath angekommen ist. Ist die gewünschte Größe ausverkauft, erstatten wir Ihnen den Kaufpreis. In einer Filiale tauschen Sie sofort um, wenn Ihre Größe dort vorrätig ist.</p>
<h2>Rückgabe in der Filiale</h2>
<p>Online gekaufte Artikel können Sie innerhalb der 60 Tage kostenlos in jeder unserer vier Filialen zurückgeben. Bringen Sie dazu den Lieferschein oder Ihre Bestellnummer mit. Das Geld erhalten Sie auf dem Weg zurück, auf dem Sie bezahlt haben.</p>
<h2>Welche Artikel sind von der Rückgabe ausgeschlossen?</h2>
<ul>
<li>Maßhemden, weil sie nach Ihren Maßen gefertigt werden.</li>
<li>Artikel, die unser Änderungsservice auf Ihren Wunsch gekürzt oder geändert hat.</li>
<li>Unterwäsche und Socken, wenn die Hygieneversiegelung geöffnet wurde.</li>
</ul>
<p>Ist ein Artikel beschädigt oder fehlerhaft, nutzen Sie bitte nicht das Retourenportal, sondern melden Sie eine Reklamation. Die Rücksendung ist dann für Sie kostenlos.</p>
""",
    },
    "rueckerstattung": {
        "id": "360041187756",
        "title": "Wann bekomme ich mein Geld zurück? (Rückerstattung)",
        "category": ("360003318892", "Retoure & Erstattung"),
        "section": ("360007712303", "Erstattung"),
        "author": "Timo Werhahn",
        "updated": ("2026-02-17T15:52:40Z", "17. Februar 2026 15:52"),
        "votes": (156, 240),
        "related": ["ruecksendung-umtausch", "zahlungsarten"],
        "body": """
<p>Sobald Ihre Rücksendung in unserem Logistikzentrum in Wülfrath angekommen ist, prüfen wir sie innerhalb von 2 Werktagen. Danach erhalten Sie die E-Mail „Ihre Rücksendung ist gebucht“, und wir veranlassen die Erstattung. Das Geld erhalten Sie immer auf dem Weg zurück, auf dem Sie bezahlt haben.</p>
<h2>Wie lange dauert es je nach Zahlungsart?</h2>
<ul>
<li><strong>PayPal</strong>: Die Gutschrift ist spätestens einen Werktag nach der Buchung in Ihrem PayPal-Konto.</li>
<li><strong>Kreditkarte und Apple Pay</strong>: Wir schreiben den Betrag Ihrer Karte gut. Je nach Bank sehen Sie ihn nach 3 bis 5 Bankarbeitstagen auf Ihrer Abrechnung.</li>
<li><strong>Rechnung</strong>: Wir reduzieren Ihre offene Rechnung, Sie zahlen nur noch die Artikel, die Sie behalten. Haben Sie die Rechnung schon bezahlt, überweisen wir Ihnen den Betrag innerhalb von 3 Werktagen zurück.</li>
<li><strong>SEPA-Lastschrift, iDEAL und Bancontact</strong>: Wir überweisen den Betrag innerhalb von 3 Werktagen auf Ihr Konto.</li>
<li><strong>Geschenkkarte</strong>: Den Betrag schreiben wir Ihrer Geschenkkarte wieder gut.</li>
</ul>
<h2>Was wird von der Erstattung abgezogen?</h2>
<p>Wir ziehen die Rücksendegebühr ab: 3,45&nbsp;€ aus Deutschland, 4,25&nbsp;€ aus Österreich, 5,80&nbsp;€ aus den Niederlanden und aus Belgien. Bei einem Umtausch, bei fehlerhafter Ware und bei einer Rückgabe in der Filiale ziehen wir nichts ab.</p>
<h2>Bekomme ich auch die Versandkosten zurück?</h2>
<p>Schicken Sie die komplette Bestellung zurück, erstatten wir auch die Standardversandkosten der Hinsendung. Bei einer Expresslieferung erstatten wir davon nur 4,65&nbsp;€, den Anteil für den Standardversand. Behalten Sie einen Teil der Bestellung, bleiben die Versandkosten bestehen.</p>
<h2>Meine Erstattung ist noch nicht da</h2>
<p>Prüfen Sie bitte zuerst, ob Sie die E-Mail „Ihre Rücksendung ist gebucht“ erhalten haben. Liegt diese E-Mail mehr als 10 Werktage zurück und Sie sehen noch keine Gutschrift, melden Sie sich bitte mit Ihrer Bestellnummer bei unserem Kundenservice.</p>
""",
    },
    "bestellung-stornieren-aendern": {
        "id": "360041187778",
        "title": "Bestellung stornieren oder ändern",
        "category": ("360003318913", "Bestellung"),
        "section": ("360007712325", "Bestellung ändern"),
        "author": "Jana Kückelhaus",
        "updated": ("2026-01-29T08:03:55Z", "29. Januar 2026 08:03"),
        "votes": (97, 131),
        "related": ["ruecksendung-umtausch", "zahlungsarten"],
        "body": """
<h2>Wie storniere ich meine Bestellung?</h2>
<p>Sie können Ihre Bestellung innerhalb von <strong>15 Minuten</strong> nach dem Absenden selbst stornieren: im Kundenkonto unter <em>Meine Bestellungen</em> mit „Bestellung stornieren“ oder als Gast über den Link in der Bestellbestätigung. Danach wird die Bestellung bereits gepackt und kann auch telefonisch nicht mehr storniert werden.</p>
<h2>Die 15 Minuten sind vorbei – was nun?</h2>
<p>Verweigern Sie die Annahme des Pakets. Es kommt dann automatisch zu uns zurück, und wir berechnen dafür keine Rücksendegebühr. Oder Sie schicken die Artikel nach Erhalt innerhalb der 60 Tage zurück.</p>
<h2>Maßhemden stornieren</h2>
<p>Ein Maßhemd können Sie bis 24 Stunden nach der Bestellung kostenlos stornieren. Danach beginnt der Zuschnitt, und eine Stornierung ist nicht mehr möglich.</p>
<h2>Kann ich Lieferadresse, Größe oder Zahlungsart noch ändern?</h2>
<p>Nach dem Absenden können wir Lieferadresse, Größe, Farbe und Zahlungsart nicht mehr ändern. Stornieren Sie die Bestellung innerhalb der 15 Minuten und bestellen Sie neu. Ist das Paket schon unterwegs, können Sie es über die Sendungsverfolgung von DHL an einen anderen Tag, zu einem Nachbarn oder in eine Postfiliale umleiten.</p>
<h2>Kann ich noch einen Artikel hinzufügen?</h2>
<p>Einer abgeschickten Bestellung können wir keine Artikel hinzufügen. Geben Sie bitte eine neue Bestellung auf. Die Grenze für den kostenlosen Versand (95&nbsp;€ in Deutschland) gilt für jede Bestellung einzeln.</p>
<h2>Kann ich nachträglich Click &amp; Collect wählen?</h2>
<p>Die Lieferart lässt sich nach dem Absenden nicht mehr ändern, auch nicht von Paketversand auf Abholung in der Filiale.</p>
""",
    },
}


def slug(article_id: str, title: str) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in title)
    return f"{article_id}-" + "-".join(part for part in keep.split("-") if part)


def render(name: str, article: dict) -> str:
    title = article["title"]
    esc = html.escape(title)
    url = f"{BASE}/articles/{slug(article['id'], title)}"
    cat_id, cat_name = article["category"]
    sec_id, sec_name = article["section"]
    when_iso, when_text = article["updated"]
    up, total = article["votes"]
    siblings = [a for a in ARTICLES.values() if a["section"] == article["section"] or a is article]
    sidebar = "\n".join(
        f'            <li><a href="{BASE}/articles/{slug(a["id"], a["title"])}" class="sidenav-item'
        f'{" current-article" if a is article else ""}">{html.escape(a["title"])}</a></li>'
        for a in siblings
    )
    related = "\n".join(
        f'              <li><a href="{BASE}/related/click?data=BAh7CjobZGVzdGluYXRpb25fYXJ0aWNsZV9pZGwr{ARTICLES[r]["id"][-6:]}'
        f'">{html.escape(ARTICLES[r]["title"])}</a></li>'
        for r in article["related"]
    )
    initials = "".join(part[0] for part in article["author"].split())
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="de">
<head>
  <meta charset="utf-8" />
  <!-- v26831 -->
  <title>{esc} – Sternhagen Hilfe-Center</title>
  <meta content="width=device-width, initial-scale=1.0" name="viewport" />
  <meta name="description" content="{esc}" />
  <meta property="og:site_name" content="Sternhagen Hilfe-Center" />
  <meta property="og:type" content="website" />
  <meta property="og:title" content="{esc}" />
  <meta property="og:url" content="{url}" />
  <link rel="canonical" href="{url}">
  <link rel="alternate" hreflang="de" href="{url}">
  <link rel="stylesheet" href="//static.zdassets.com/hc/assets/application-2f7c8a1e.css" media="all" id="stylesheet" />
  <link rel="stylesheet" type="text/css" href="/hc/theming_assets/01HZ8V7K3X/360001233871/style.css?digest=3601188129" />
  <link rel="icon" type="image/x-icon" href="/hc/theming_assets/01HZ8V7K3X/favicon.ico" />
  <script src="/hc/theming_assets/01HZ8V7K3X/360001233871/script.js?digest=3601188129"></script>
</head>
<body class="">
  <a class="skip-navigation" tabindex="1" href="#main-content">Zum Hauptinhalt wechseln</a>

  <header class="header">
    <div class="logo">
      <a title="Startseite" href="/hc/de">
        <img src="/hc/theming_assets/01HZ8V7K3X/logo-sternhagen.svg" alt="Sternhagen Hilfe-Center Startseite" />
      </a>
    </div>
    <div class="nav-wrapper-desktop">
      <nav class="user-nav" id="user-nav" aria-label="Benutzernavigation">
        <ul class="user-nav-list">
          <li><a class="submit-a-request" href="/hc/de/requests/new">Anfrage einreichen</a></li>
          <li><a href="https://www.sternhagen-herrenmode.example">Zum Shop</a></li>
        </ul>
      </nav>
      <a class="sign-in" rel="nofollow" data-auth-action="signin" title="Öffnet ein Dialogfeld" role="button" href="/hc/de/signin">Anmelden</a>
    </div>
  </header>

  <main role="main">
    <div class="container-divider"></div>
    <div class="container">
      <div class="sub-nav">
        <nav aria-label="Aktuelle Position">
          <ol class="breadcrumbs">
            <li title="Sternhagen Hilfe-Center"><a href="/hc/de">Sternhagen Hilfe-Center</a></li>
            <li title="{html.escape(cat_name)}"><a href="/hc/de/categories/{cat_id}">{html.escape(cat_name)}</a></li>
            <li title="{html.escape(sec_name)}"><a href="/hc/de/sections/{sec_id}">{html.escape(sec_name)}</a></li>
          </ol>
        </nav>
        <div class="search-container">
          <form role="search" class="search" data-search="" action="/hc/de/search" accept-charset="UTF-8" method="get">
            <input type="search" name="query" id="query" placeholder="Suche" aria-label="Suche" />
          </form>
        </div>
      </div>

      <div class="article-container" id="article-container">
        <aside class="article-sidebar" aria-labelledby="section-articles-title">
          <div class="collapsible-sidebar">
            <h3 id="section-articles-title" class="collapsible-sidebar-title sidenav-title">Beiträge in diesem Abschnitt</h3>
            <ul>
{sidebar}
            </ul>
            <a href="/hc/de/sections/{sec_id}" class="article-sidebar-item">Mehr anzeigen</a>
          </div>
        </aside>

        <article id="main-content" class="article">
          <header class="article-header">
            <h1 title="{esc}" class="article-title">{esc}</h1>
            <div class="article-author">
              <div class="avatar article-avatar"><span class="user-avatar-initials">{initials}</span></div>
              <div class="article-meta">
                {html.escape(article["author"])}
                <ul class="meta-group">
                  <li class="meta-data"><time datetime="{when_iso}" title="{when_text}" data-datetime="relative">{when_text}</time></li>
                  <li class="meta-data">Aktualisiert</li>
                </ul>
              </div>
            </div>
            <a class="article-subscribe" title="Öffnet ein Dialogfeld" rel="nofollow" role="button" data-auth-action="signin" aria-selected="false" href="/hc/de/articles/{article["id"]}/subscription.html">Folgen</a>
          </header>

          <section class="article-info">
            <div class="article-content">
              <div class="article-body">{article["body"]}</div>
              <div class="article-attachments"><ul class="attachments"></ul></div>
            </div>
          </section>

          <footer>
            <div class="article-footer">
              <div class="article-share">
                <ul class="share">
                  <li><a href="https://www.facebook.com/share.php?title={html.escape(title.replace(" ", "+"))}&u={url}" class="share-facebook">Facebook</a></li>
                  <li><a href="https://twitter.com/share?lang=de&text={html.escape(title.replace(" ", "+"))}&url={url}" class="share-twitter">X Corp</a></li>
                  <li><a href="https://www.linkedin.com/shareArticle?mini=true&source=Sternhagen&url={url}" class="share-linkedin">LinkedIn</a></li>
                </ul>
              </div>
              <a href="#article-comments" class="article-comment-count"><span class="icon-comments"></span>0 Kommentare</a>
            </div>
            <div class="article-votes">
              <span class="article-votes-question" id="article-votes-label">War dieser Beitrag hilfreich?</span>
              <div class="article-votes-controls" role="group" aria-labelledby="article-votes-label">
                <button type="button" class="button article-vote article-vote-up" data-auth-action="signin" aria-label="Dieser Beitrag war hilfreich" aria-pressed="false">Ja</button>
                <button type="button" class="button article-vote article-vote-down" data-auth-action="signin" aria-label="Dieser Beitrag war nicht hilfreich" aria-pressed="false">Nein</button>
              </div>
              <small class="article-votes-count">
                <span class="article-vote-label">{up} von {total} fanden dies hilfreich</span>
              </small>
            </div>
            <div class="article-more-questions">
              Haben Sie weitere Fragen? <a href="/hc/de/requests/new">Anfrage einreichen</a>
            </div>
            <div class="article-return-to-top">
              <a href="#article-container">Zurück an den Anfang<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" focusable="false" viewBox="0 0 16 16" class="article-return-to-top-icon"><path fill="none" stroke="currentColor" stroke-linecap="round" d="M3.5 9.5l4-4 4 4"/></svg></a>
            </div>
          </footer>

          <div class="article-relatives">
            <div data-recent-articles></div>
            <section class="related-articles">
              <h2 class="related-articles-title">Ähnliche Beiträge</h2>
              <ul>
{related}
              </ul>
            </section>
          </div>

          <div class="article-comments" id="article-comments">
            <section class="comment-section">
              <div class="comment-overview">
                <h2 class="comment-heading">Kommentare</h2>
                <p class="comment-callout">0 Kommentare</p>
              </div>
              <p class="comment-callout">Bitte <a data-auth-action="signin" rel="nofollow" href="/hc/de/signin">melden Sie sich an</a>, um einen Kommentar zu hinterlassen.</p>
            </section>
          </div>
        </article>
      </div>
    </div>
  </main>

  <footer class="footer">
    <div class="footer-inner">
      <a title="Startseite" href="https://www.sternhagen-herrenmode.example">Sternhagen Herrenmode</a>
      <div class="footer-language-selector">Deutsch</div>
    </div>
    <div class="powered-by-zendesk">Unterstützt von Zendesk</div>
  </footer>

  <script type="text/javascript">
    window.HelpCenter = {{}};
    HelpCenter.account = {{"subdomain":"sternhagen","environment":"production","name":"Sternhagen Herrenmode"}};
    HelpCenter.user = {{"identifier":"anonymous","role":"anonymous","locale":"de"}};
    HelpCenter.internal = {{"current_article_id":{article["id"]}}};
  </script>
</body>
</html>
"""


def main() -> None:
    KNOWLEDGE.mkdir(parents=True, exist_ok=True)
    for name, article in ARTICLES.items():
        path = KNOWLEDGE / f"{name}.html"
        path.write_text(render(name, article), encoding="utf-8")
        print(f"wrote {path.relative_to(KNOWLEDGE.parent)}")


if __name__ == "__main__":
    main()
