#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the four Shopify policy pages of knowledge/ (standard library only).

Each page is a saved Shopify storefront page: a theme head with the `Shopify` object and analytics script, the
announcement bar, a header menu, the policy container (`shopify-policy__container` > `shopify-policy__title` >
`shopify-policy__body` > `rte`) whose content is `<p><strong>Label:</strong> value</p>` paragraphs with `<br>`
lines, and the theme footer with payment icons. German text only.

    python3 tools/make_shopify.py
"""

from __future__ import annotations

import html
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
SHOP = "https://www.sternhagen-herrenmode.example"

PAGES = {
    "kontakt-servicezeiten": {
        "title": "Kontakt und Servicezeiten",
        "path": "/policies/contact-information",
        "body": """
<p><strong>Firmenname:</strong> Sternhagen Herrenmode GmbH</p>
<p><strong>Anschrift:</strong> Poststraße 14<br>42103 Wuppertal<br>Deutschland</p>
<p><strong>Telefon:</strong> 0202 947 31 60 (zum Festnetztarif)<br>Montag bis Freitag: 9 bis 21 Uhr<br>Samstag: 10 bis 15 Uhr<br>Sonntag und bundesweite Feiertage: nicht besetzt</p>
<p><strong>Telefon aus Österreich:</strong> 0800 221 487 (gebührenfrei)<br>Montag bis Freitag: 9 bis 17 Uhr</p>
<p><strong>Telefon aus den Niederlanden und Belgien:</strong> +49 202 947 31 60<br>Unsere Beraterinnen und Berater sprechen Deutsch und Englisch.</p>
<p><strong>WhatsApp:</strong> 0151 238 77 410<br>Montag bis Freitag: 10 bis 18 Uhr<br>Nur Textnachrichten, keine Anrufe.</p>
<p><strong>E-Mail:</strong> service@sternhagen-herrenmode.example<br>Wir antworten spätestens am nächsten Werktag.</p>
<p><strong>Rückruf-Service:</strong> Wählen Sie im Kontaktformular einen Zeitraum aus, dann rufen wir Sie zurück.</p>
<p><strong>Chat:</strong> Unser digitaler Assistent auf der Website hilft Ihnen rund um die Uhr.</p>
<p><strong>Rücksendungen:</strong> Bitte schicken Sie Rücksendungen nicht an unsere Anschrift in Wuppertal, sondern immer mit dem Retourenlabel an unser Logistikzentrum in Wülfrath.</p>
<p><strong>Geschäftsführung:</strong> Konstanze Sternhagen, Malte Hövelmann</p>
<p><strong>Handelsregister:</strong> Amtsgericht Wuppertal, HRB 31742</p>
<p><strong>Umsatzsteuer-Identifikationsnummer:</strong> DE318447209</p>
""",
    },
    "widerrufsbelehrung": {
        "title": "Widerrufsbelehrung",
        "path": "/policies/refund-policy",
        "body": """
<p><strong>Widerrufsrecht</strong><br>Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen.</p>
<p>Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, der nicht der Beförderer ist, die Waren in Besitz genommen haben beziehungsweise hat.</p>
<p>Um Ihr Widerrufsrecht auszuüben, müssen Sie uns (Sternhagen Herrenmode GmbH, Poststraße 14, 42103 Wuppertal, Telefon 0202 947 31 60, E-Mail widerruf@sternhagen-herrenmode.example) mittels einer eindeutigen Erklärung (z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren. Sie können dafür das beigefügte Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist. Als Erklärung genügt auch eine Rücksendung, die Sie in Ihrem Kundenkonto oder im Retourenportal anmelden.</p>
<p>Zur Wahrung der Widerrufsfrist reicht es aus, dass Sie die Mitteilung über die Ausübung des Widerrufsrechts vor Ablauf der Widerrufsfrist absenden.</p>
<p><strong>Folgen des Widerrufs</strong><br>Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, einschließlich der Lieferkosten (mit Ausnahme der zusätzlichen Kosten, die sich daraus ergeben, dass Sie eine andere Art der Lieferung als die von uns angebotene, günstigste Standardlieferung gewählt haben), unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist. Für diese Rückzahlung verwenden wir dasselbe Zahlungsmittel, das Sie bei der ursprünglichen Transaktion eingesetzt haben, es sei denn, mit Ihnen wurde ausdrücklich etwas anderes vereinbart; in keinem Fall werden Ihnen wegen dieser Rückzahlung Entgelte berechnet. Wir können die Rückzahlung verweigern, bis wir die Waren wieder zurückerhalten haben oder bis Sie den Nachweis erbracht haben, dass Sie die Waren zurückgesandt haben, je nachdem, welches der frühere Zeitpunkt ist.</p>
<p>Sie haben die Waren unverzüglich und in jedem Fall spätestens binnen vierzehn Tagen ab dem Tag, an dem Sie uns über den Widerruf dieses Vertrags unterrichten, an Sternhagen Logistik, Retourenannahme, Zur Dornaper Heide 5, 42489 Wülfrath zurückzusenden oder in einer unserer Filialen abzugeben. Die Frist ist gewahrt, wenn Sie die Waren vor Ablauf der Frist von vierzehn Tagen absenden.</p>
<p><strong>Kosten der Rücksendung:</strong> Sie tragen die unmittelbaren Kosten der Rücksendung der Waren. Mit unserem DHL-Retourenlabel sind das 3,45 € aus Deutschland, 4,25 € aus Österreich und 5,80 € aus den Niederlanden und aus Belgien. Die Rückgabe in einer Filiale ist kostenlos.</p>
<p><strong>Wertverlust:</strong> Sie müssen für einen etwaigen Wertverlust der Waren nur aufkommen, wenn dieser Wertverlust auf einen zur Prüfung der Beschaffenheit, Eigenschaften und Funktionsweise der Waren nicht notwendigen Umgang mit ihnen zurückzuführen ist.</p>
<p><strong>Ausschluss des Widerrufsrechts</strong><br>Das Widerrufsrecht besteht nicht bei Verträgen zur Lieferung von Waren, die nach Kundenspezifikation angefertigt werden oder eindeutig auf die persönlichen Bedürfnisse zugeschnitten sind. Dazu gehören Maßhemden und Artikel, die unser Änderungsservice auf Ihren Wunsch gekürzt oder geändert hat. Bei versiegelter Unterwäsche erlischt das Widerrufsrecht, wenn die Versiegelung nach der Lieferung entfernt wurde.</p>
<p><strong>Freiwilliges Rückgaberecht:</strong> Unabhängig von Ihrem gesetzlichen Widerrufsrecht können Sie Artikel innerhalb von 60 Tagen ab Zustellung zurückgeben (siehe „Rücksendung und Umtausch“). Ihr gesetzliches Widerrufsrecht bleibt davon unberührt.</p>
<p><strong>Muster-Widerrufsformular</strong><br>(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.)<br>An Sternhagen Herrenmode GmbH, Poststraße 14, 42103 Wuppertal, widerruf@sternhagen-herrenmode.example:<br>Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den Kauf der folgenden Waren (*)<br>Bestellt am (*)/erhalten am (*)<br>Name des/der Verbraucher(s)<br>Anschrift des/der Verbraucher(s)<br>Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)<br>Datum<br>(*) Unzutreffendes streichen.</p>
""",
    },
    "datenschutz-anfragen": {
        "title": "Datenschutz: Auskunft und Löschung",
        "path": "/policies/privacy-policy",
        "body": """
<p>Hier erfahren Sie, wie Sie Auskunft über Ihre Daten erhalten, sie berichtigen oder löschen lassen. Die vollständige Datenschutzerklärung mit allen Verarbeitungszwecken finden Sie im Fuß jeder Seite.</p>
<p><strong>Verantwortlicher:</strong> Sternhagen Herrenmode GmbH<br>Poststraße 14<br>42103 Wuppertal</p>
<p><strong>Datenschutzbeauftragte:</strong> Dr. Henrike Brammertz (externe Datenschutzbeauftragte)<br>E-Mail: dsb@sternhagen-herrenmode.example<br>Post: an die Anschrift oben, mit dem Zusatz „Datenschutzbeauftragte – persönlich“</p>
<p><strong>Auskunft, Berichtigung, Löschung, Datenkopie:</strong> Schreiben Sie an datenschutz@sternhagen-herrenmode.example oder stellen Sie die Anfrage in Ihrem Kundenkonto unter Mein Konto › Datenschutz › Anfrage stellen.<br>Damit niemand fremde Daten anfordern kann, bestätigen Sie Ihre Anfrage über einen Link, den wir an die bei uns hinterlegte E-Mail-Adresse schicken.</p>
<p><strong>Bearbeitungszeit:</strong> Wir beantworten Ihre Anfrage innerhalb von 25 Tagen.<br><strong>Kosten:</strong> Die Auskunft ist für Sie kostenlos.</p>
<p><strong>Kundenkonto löschen:</strong> Ihr Konto löschen Sie selbst unter Mein Konto › Einstellungen › Konto löschen. Die Löschung wird nach 5 Tagen endgültig. Solange eine Bestellung, eine Rücksendung oder eine Rechnung offen ist, ist die Löschung nicht möglich.</p>
<p><strong>Aufbewahrung:</strong> Rechnungsdaten müssen wir aus steuerrechtlichen Gründen 10 Jahre aufbewahren; sie werden bis dahin gesperrt und für nichts anderes verwendet.<br>Ihr Maßprofil, also die Maße für Ihre Maßhemden, löschen wir 2 Jahre nach Ihrer letzten Maßhemd-Bestellung automatisch. Auf Wunsch löschen wir es sofort.</p>
<p><strong>Newsletter und Katalog:</strong> Den Newsletter bestellen Sie über den Abmeldelink am Ende jeder Ausgabe ab.<br>Den Katalog „Sternhagen Saison“ bestellen Sie mit einer kurzen E-Mail an datenschutz@sternhagen-herrenmode.example ab; das wirkt spätestens nach 4 Wochen.</p>
<p><strong>Aufsichtsbehörde:</strong> Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Düsseldorf</p>
""",
    },
    "filialen-click-and-collect": {
        "title": "Filialen und Click & Collect",
        "path": "/pages/filialen",
        "body": """
<p>Sternhagen gibt es nicht nur online, sondern auch in vier Filialen in Nordrhein-Westfalen.</p>
<p><strong>Wuppertal (Stammhaus):</strong> Poststraße 14, 42103 Wuppertal<br>Montag bis Freitag 10 bis 19 Uhr, Samstag 10 bis 18 Uhr<br>mit Änderungsschneiderei</p>
<p><strong>Düsseldorf:</strong> Schadowstraße 60, 40212 Düsseldorf<br>Montag bis Samstag 10 bis 20 Uhr<br>mit Änderungsschneiderei</p>
<p><strong>Köln:</strong> Breite Straße 88, 50672 Köln<br>Montag bis Samstag 10 bis 20 Uhr</p>
<p><strong>Münster:</strong> Ludgeristraße 31, 48143 Münster<br>Montag bis Freitag 10 bis 19 Uhr, Samstag 10 bis 18 Uhr</p>
<p><strong>Click &amp; Collect:</strong> Wählen Sie an der Kasse „Abholung in der Filiale“. Die Abholung ist kostenlos, unabhängig vom Bestellwert.<br>Ihre Bestellung liegt nach 2 Werktagen bereit. Sie erhalten dann eine E-Mail „Abholbereit“ mit Ihrem Abholcode.<br>Wir bewahren die Bestellung 12 Tage für Sie auf. Holen Sie sie in dieser Zeit nicht ab, geht sie zurück, und Sie erhalten Ihr Geld zurück.</p>
<p><strong>Bezahlen bei Abholung:</strong> Sie bezahlen online oder erst bei der Abholung: bar, mit Girocard oder mit Kreditkarte.<br>Ausnahme: Maßhemden bezahlen Sie immer online bei der Bestellung.</p>
<p><strong>Anprobe vor Ort:</strong> Probieren Sie Ihre Click-&amp;-Collect-Bestellung gleich in der Filiale an. Was nicht passt, lassen Sie einfach da; dafür entstehen keine Kosten.</p>
<p><strong>Rückgabe online gekaufter Artikel:</strong> In allen Filialen kostenlos, innerhalb von 60 Tagen nach Zustellung, mit Lieferschein oder Bestellnummer. Das Geld erhalten Sie auf dem ursprünglichen Zahlungsweg zurück.<br>Maßhemden und geänderte Artikel sind von der Rückgabe ausgeschlossen.</p>
<p><strong>Umtausch:</strong> In der Filiale tauschen Sie sofort um, wenn Ihre Größe vorrätig ist.</p>
<p><strong>Änderungsschneiderei:</strong> In Wuppertal und Düsseldorf kürzen wir Anzughosen, während Sie warten, in etwa 30 Minuten, zum selben Preis wie online. Die Preise stehen unter „Maßhemden und Änderungsservice“.</p>
<p><strong>Maßhemd-Beratung:</strong> In allen vier Filialen nehmen wir Ihre Maße kostenlos, nach Terminvereinbarung über das Kontaktformular. Ein Termin dauert etwa 30 Minuten.</p>
<p><strong>Geschenkkarten:</strong> Sternhagen-Geschenkkarten können Sie in allen Filialen kaufen und einlösen.</p>
""",
    },
}


def render(page: dict) -> str:
    title = page["title"]
    esc = html.escape(title)
    url = SHOP + page["path"]
    return f"""<!doctype html>
<html class="no-js" lang="de">
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <link rel="canonical" href="{url}">
  <title>{esc} – Sternhagen Herrenmode</title>
  <meta property="og:site_name" content="Sternhagen Herrenmode">
  <meta property="og:title" content="{esc}">
  <script>window.Shopify = window.Shopify || {{}};
Shopify.shop = "sternhagen-herrenmode.myshopify.com";
Shopify.locale = "de";
Shopify.currency = {{"active":"EUR","rate":"1.0"}};
Shopify.country = "DE";
Shopify.theme = {{"name":"Dawn","id":148210974881,"schema_name":"Dawn","schema_version":"15.0.0","role":"main"}};
Shopify.routes = Shopify.routes || {{}};
Shopify.routes.root = "/";</script>
  <script id="shop-js-analytics" type="application/json">{{"pageType":"policy"}}</script>
  <link href="//www.sternhagen-herrenmode.example/cdn/shop/t/7/assets/base.css?v=81426351849361728861" rel="stylesheet" type="text/css" media="all" />
</head>
<body class="gradient">
  <a class="skip-to-content-link button visually-hidden" href="#MainContent">Direkt zum Inhalt</a>
  <div id="shopify-section-announcement-bar" class="shopify-section">
    <div class="announcement-bar" role="region" aria-label="Ankündigung">
      <p class="announcement-bar__message h5">Kostenloser Versand ab 95 € · 60 Tage Rückgaberecht · Click &amp; Collect in 4 Filialen</p>
    </div>
  </div>
  <div id="shopify-section-header" class="shopify-section section-header">
    <header class="header header--middle-left page-width">
      <a href="/" class="header__heading-link link link--text focus-inset"><span class="h2">Sternhagen Herrenmode</span></a>
      <nav class="header__inline-menu">
        <ul class="list-menu list-menu--inline" role="list">
          <li><a href="/collections/anzuege" class="header__menu-item list-menu__item link">Anzüge</a></li>
          <li><a href="/collections/sakkos" class="header__menu-item list-menu__item link">Sakkos</a></li>
          <li><a href="/collections/hemden" class="header__menu-item list-menu__item link">Hemden</a></li>
          <li><a href="/pages/masshemd-konfigurator" class="header__menu-item list-menu__item link">Maßhemd</a></li>
          <li><a href="/collections/sale" class="header__menu-item list-menu__item link">Sale</a></li>
          <li><a href="/pages/filialen" class="header__menu-item list-menu__item link">Filialen</a></li>
        </ul>
      </nav>
      <div class="header__icons">
        <a href="/search" class="header__icon header__icon--search link focus-inset"><span class="visually-hidden">Suchen</span></a>
        <a href="/account/login" class="header__icon header__icon--account link focus-inset"><span class="visually-hidden">Einloggen</span></a>
        <a href="/cart" class="header__icon header__icon--cart link focus-inset" id="cart-icon-bubble"><span class="visually-hidden">Warenkorb</span></a>
      </div>
    </header>
  </div>
  <main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
    <div class="shopify-policy__container">
      <div class="shopify-policy__title">
        <h1>{esc}</h1>
      </div>
      <div class="shopify-policy__body">
        <div class="rte">{page["body"]}</div>
      </div>
    </div>
  </main>
  <div id="shopify-section-footer" class="shopify-section">
    <footer class="footer color-background-1 gradient section-footer-padding">
      <div class="footer__content-bottom">
        <div class="footer__column footer__localization isolate">
          <span class="caption-large">Land/Region: Deutschland (EUR €)</span>
        </div>
        <div class="footer__payment">
          <span class="visually-hidden">Zahlungsmethoden</span>
          <ul class="list list-payment" role="list">
            <li class="list-payment__item">PayPal</li>
            <li class="list-payment__item">Visa</li>
            <li class="list-payment__item">Mastercard</li>
            <li class="list-payment__item">American Express</li>
            <li class="list-payment__item">Apple Pay</li>
          </ul>
        </div>
        <ul class="policies list-unstyled">
          <li><a href="/policies/refund-policy">Widerrufsbelehrung</a></li>
          <li><a href="/policies/privacy-policy">Datenschutzerklärung</a></li>
          <li><a href="/policies/terms-of-service">AGB</a></li>
          <li><a href="/policies/contact-information">Kontaktinformationen</a></li>
          <li><a href="/policies/legal-notice">Impressum</a></li>
        </ul>
        <small class="copyright__content">&copy; 2026, <a href="/" title="">Sternhagen Herrenmode</a> · Unterstützt von Shopify</small>
      </div>
    </footer>
  </div>
  <script src="//www.sternhagen-herrenmode.example/cdn/shop/t/7/assets/global.js?v=37284204640041572481" defer="defer"></script>
</body>
</html>
"""


def main() -> None:
    KNOWLEDGE.mkdir(parents=True, exist_ok=True)
    for name, page in PAGES.items():
        path = KNOWLEDGE / f"{name}.html"
        path.write_text(render(page), encoding="utf-8")
        print(f"wrote {path.relative_to(KNOWLEDGE.parent)}")


if __name__ == "__main__":
    main()
