#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the five WordPress pages of knowledge/ (standard library only).

The pages are saved the way a browser saves a WordPress page built with the block editor (Gutenberg) and a
commercial theme: the full theme HTML with <head> (meta tags, Yoast JSON-LD, emoji script, inline styles), a skip
link, a top bar, the header menu with a language switcher, a cookie banner (Complianz style), the content of
`entry-content` as rendered blocks (`wp-block-group` with inner containers, `wp-block-heading`, `wp-block-list`,
`wp-block-table` inside a <figure> with a `wp-element-caption` figcaption, core "Details" accordions
`wp-block-details` and the accordion items of the "Accordion Blocks" plugin `wp-block-pb-accordion-item`,
`wp-block-buttons`, `wp-block-separator`), a footer with widgets and the scripts. No block comments: this is the
rendered front end, not the editor's post content.

Four pages are German, `international-shipping.html` exists only in English (WPML language "en").

    python3 tools/make_wordpress.py
"""

from __future__ import annotations

from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
SITE = "https://www.silberquell-festmode.example"


def shell(*, lang: str, title: str, slug: str, body_class: str, content: str, description: str) -> str:
    """The theme around one page's entry-content."""
    english = lang == "en"
    menu = (
        [
            ("Bridal", "/en/bridal/"),
            ("Evening wear", "/en/evening/"),
            ("Rental dresses", "/en/rental/"),
            ("Showroom Kassel", "/en/showroom/"),
            ("Service", "/en/service/"),
        ]
        if english
        else [
            ("Brautkleider", "/brautkleider/"),
            ("Abendkleider", "/abendkleider/"),
            ("Mietkleider", "/mietkleider/"),
            ("Anzüge", "/anzuege/"),
            ("Kommunion", "/kommunion/"),
            ("Showroom Kassel", "/showroom/"),
            ("Service", "/service/"),
        ]
    )
    menu_html = "\n".join(
        f'<li id="menu-item-{210 + i}" class="menu-item menu-item-type-post_type menu-item-object-page menu-item-{210 + i}"><a href="{SITE}{href}">{label}</a></li>'
        for i, (label, href) in enumerate(menu)
    )
    skip = "Skip to content" if english else "Zum Inhalt springen"
    topbar = (
        "✨ Book your appointment in our Kassel showroom online"
        if english
        else "✨ Jetzt Ihren Wunschtermin im Showroom Kassel online buchen"
    )
    cookie = (
        '<div class="cmplz-cookiebanner cmplz-hidden banner-1 optin cmplz-bottom-right cmplz-categories-type-view-preferences" aria-modal="true" data-nosnippet="true" role="dialog" aria-live="polite" aria-labelledby="cmplz-header-1-optin" aria-describedby="cmplz-message-1-optin">\n'
        '<div class="cmplz-header"><div class="cmplz-title" id="cmplz-header-1-optin">'
        + ("Manage cookie consent" if english else "Cookie-Zustimmung verwalten")
        + "</div></div>\n"
        '<div class="cmplz-body"><div class="cmplz-message" id="cmplz-message-1-optin">'
        + (
            "We use cookies to make our website work and to understand how it is used. You can change your choice at any time."
            if english
            else "Wir verwenden Cookies, damit unsere Website funktioniert und wir verstehen, wie sie genutzt wird. Sie können Ihre Auswahl jederzeit ändern."
        )
        + "</div>\n"
        '<div class="cmplz-categories"><details class="cmplz-category cmplz-functional"><summary><span class="cmplz-category-header"><span class="cmplz-category-title">'
        + ("Functional" if english else "Funktional")
        + '</span><span class="cmplz-always-active">'
        + ("Always active" if english else "Immer aktiv")
        + "</span></span></summary></details>"
        '<details class="cmplz-category cmplz-statistics"><summary><span class="cmplz-category-header"><span class="cmplz-category-title">'
        + ("Statistics" if english else "Statistiken")
        + "</span></span></summary></details></div></div>\n"
        '<div class="cmplz-buttons"><button class="cmplz-btn cmplz-accept">'
        + ("Accept" if english else "Akzeptieren")
        + '</button><button class="cmplz-btn cmplz-deny">'
        + ("Deny" if english else "Ablehnen")
        + '</button><button class="cmplz-btn cmplz-view-preferences">'
        + ("View preferences" if english else "Einstellungen ansehen")
        + "</button></div>\n"
        '<div class="cmplz-links cmplz-documents"><ul><li><a href="'
        + SITE
        + '/cookie-richtlinie/" class="cmplz-link cookie-statement">Cookie-Richtlinie (EU)</a></li><li><a href="'
        + SITE
        + '/impressum/" class="cmplz-link impressum">Impressum</a></li></ul></div>\n'
        "</div>"
    )
    footer_cols = (
        [
            ("Service", ["Shipping", "Returns", "Rental terms", "Contact"]),
            ("Silberquell", ["About us", "Showroom Kassel", "Press", "Careers"]),
        ]
        if english
        else [
            (
                "Service",
                ["Versand & Lieferung", "Rückgabe & Umtausch", "Zahlung & Anzahlung", "Größentabellen", "Kontakt"],
            ),
            ("Silberquell", ["Über uns", "Showroom Kassel", "Unsere Bräute", "Presse", "Karriere"]),
        ]
    )
    footer_html = "\n".join(
        f'<section id="nav_menu-{i + 3}" class="widget widget_nav_menu"><h2 class="widget-title">{head}</h2><div class="menu-footer-{i}-container"><ul class="menu">'
        + "".join(f'<li class="menu-item"><a href="#">{item}</a></li>' for item in items)
        + "</ul></div></section>"
        for i, (head, items) in enumerate(footer_cols)
    )
    legal = (
        "© 2026 Silberquell Braut- &amp; Festmode GmbH · Imprint · Privacy · Terms"
        if english
        else "© 2026 Silberquell Braut- &amp; Festmode GmbH · Impressum · Datenschutzerklärung · AGB"
    )
    return f"""<!DOCTYPE html>
<html lang="{"en-GB" if english else "de-DE"}" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{title}</title>
<meta name="description" content="{description}">
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{SITE}{slug}">
<meta property="og:locale" content="{"en_GB" if english else "de_DE"}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{SITE}{slug}">
<meta property="og:site_name" content="Silberquell Braut- &amp; Festmode">
<script type="application/ld+json" class="yoast-schema-graph">{{"@context":"https://schema.org","@graph":[{{"@type":"WebPage","@id":"{SITE}{slug}","url":"{SITE}{slug}","name":"{title}","isPartOf":{{"@id":"{SITE}/#website"}},"inLanguage":"{"en-GB" if english else "de-DE"}"}},{{"@type":"WebSite","@id":"{SITE}/#website","url":"{SITE}/","name":"Silberquell Braut- &amp; Festmode"}}]}}</script>
<link rel="alternate" type="application/rss+xml" title="Silberquell &raquo; Feed" href="{SITE}/feed/">
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png","source":{{"concatemoji":"{SITE}\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=6.5.3"}}}};</script>
<style id="wp-block-library-inline-css">.wp-block-group{{box-sizing:border-box}}.wp-block-table{{overflow-x:auto}}.wp-block-table table{{border-collapse:collapse;width:100%}}.wp-block-details{{box-sizing:border-box}}.wp-block-details summary{{cursor:pointer}}.c-accordion__title{{cursor:pointer;position:relative}}</style>
<style id="global-styles-inline-css">body{{--wp--preset--color--silber:#b9b4ae;--wp--preset--color--creme:#f7f2ec;--wp--preset--font-size--small:13px;--wp--preset--font-size--medium:20px}}.has-creme-background-color{{background-color:var(--wp--preset--color--creme) !important}}</style>
<link rel="stylesheet" id="astra-theme-css-css" href="{SITE}/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.6.14" media="all">
<link rel="stylesheet" id="pb-accordion-blocks-style-css" href="{SITE}/wp-content/plugins/accordion-blocks/build/index.css?ver=1.5.0" media="all">
<link rel="stylesheet" id="cmplz-general-css" href="{SITE}/wp-content/plugins/complianz-gdpr/assets/css/cookieblocker.min.css?ver=1716301241" media="all">
<link rel="https://api.w.org/" href="{SITE}/wp-json/">
<meta name="generator" content="WordPress 6.5.3">
<meta name="generator" content="WPML ver:4.6.11 stt:1,3;">
</head>
<body class="page-template-default page {body_class} wp-custom-logo wp-embed-responsive ast-page-builder-template ast-no-sidebar astra-4.6.14 cmplz-functional cmplz-eu">
<a class="skip-link screen-reader-text" href="#content">{skip}</a>
<div class="hfeed site" id="page">
<div class="ast-above-header-bar ast-above-header"><div class="ast-builder-html-element"><p>{topbar}</p></div></div>
<header class="site-header header-main-layout-1 ast-primary-menu-enabled" id="masthead" itemtype="https://schema.org/WPHeader" itemscope="itemscope">
<div class="site-branding ast-site-identity"><span class="site-logo-img"><a href="{SITE}/" class="custom-logo-link" rel="home"><img width="220" height="64" src="{SITE}/wp-content/uploads/2024/02/silberquell-logo.svg" class="custom-logo" alt="Silberquell Braut- &amp; Festmode"></a></span></div>
<nav class="site-navigation ast-flex-grow-1 navigation-accessibility" id="primary-site-navigation-desktop" aria-label="Site Navigation" itemtype="https://schema.org/SiteNavigationElement" itemscope="itemscope">
<div class="main-navigation ast-inline-flex"><ul id="ast-hf-menu-1" class="main-header-menu ast-menu-shadow ast-nav-menu ast-flex submenu-with-border">
{menu_html}
</ul></div></nav>
<div class="wpml-ls-statics-shortcode_actions wpml-ls wpml-ls-legacy-list-horizontal"><ul><li class="wpml-ls-slot-shortcode_actions wpml-ls-item wpml-ls-item-de{" wpml-ls-current-language" if not english else ""}"><a href="{SITE}/" class="wpml-ls-link"><span class="wpml-ls-native" lang="de">Deutsch</span></a></li><li class="wpml-ls-slot-shortcode_actions wpml-ls-item wpml-ls-item-en{" wpml-ls-current-language" if english else ""}"><a href="{SITE}/en/" class="wpml-ls-link"><span class="wpml-ls-native" lang="en">English</span></a></li></ul></div>
<div class="ast-header-woo-cart"><a href="{SITE}/warenkorb/" class="cart-container" aria-label="{"View cart" if english else "Warenkorb anzeigen"}"><span class="count">0</span></a></div>
</header>
<div id="content" class="site-content"><div class="ast-container"><div id="primary" class="content-area primary"><main id="main" class="site-main">
<article class="post-{sum(map(ord, slug)) + 1000} page type-page status-publish ast-article-single" id="post-{sum(map(ord, slug)) + 1000}" itemtype="https://schema.org/CreativeWork" itemscope="itemscope">
<header class="entry-header ast-no-thumbnail"><nav class="ast-breadcrumbs" aria-label="Breadcrumb"><a href="{SITE}/">{"Home" if english else "Startseite"}</a> » <a href="{SITE}{"/en/service/" if english else "/service/"}">Service</a> » <span class="breadcrumb_last" aria-current="page">{title.split(" – ")[0]}</span></nav></header>
<div class="entry-content clear" itemprop="text">
{content.strip()}
</div>
</article>
</main></div></div></div>
<footer class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" itemscope="itemscope">
<div class="site-primary-footer-wrap ast-builder-grid-row-container"><div class="ast-builder-grid-row">
{footer_html}
<section id="block-7" class="widget widget_block"><p class="has-small-font-size">{"Follow us on Instagram" if english else "Folgen Sie uns auf Instagram"}: @silberquell.festmode</p></section>
</div></div>
<div class="site-below-footer-wrap"><div class="ast-footer-copyright"><p>{legal}</p></div></div>
</footer>
</div>
{cookie}
<script id="pb-accordion-blocks-frontend-script-js" src="{SITE}/wp-content/plugins/accordion-blocks/js/accordion-blocks.min.js?ver=1.5.0"></script>
<script id="astra-theme-js-js" src="{SITE}/wp-content/themes/astra/assets/js/minified/frontend.min.js?ver=4.6.14"></script>
<script id="cmplz-cookiebanner-js-extra">var complianz = {{"prefix":"cmplz_","user_banner_id":"1","set_cookies":[],"block_ajax_content":"","banner_version":"31","version":"7.0.5"}};</script>
<script defer id="cmplz-cookiebanner-js" src="{SITE}/wp-content/plugins/complianz-gdpr/cookiebanner/js/complianz.min.js?ver=1716301241"></script>
</body>
</html>
"""


def group(inner: str, *, background: bool = False, anchor: str | None = None) -> str:
    classes = "wp-block-group" + (" has-creme-background-color has-background" if background else "")
    anchor_attr = f' id="{anchor}"' if anchor else ""
    return (
        f'<div{anchor_attr} class="{classes} is-layout-constrained wp-block-group-is-layout-constrained">'
        f'<div class="wp-block-group__inner-container">\n{inner.strip()}\n</div></div>\n'
    )


def h(level: int, text: str, anchor: str | None = None) -> str:
    anchor_attr = f' id="{anchor}"' if anchor else ""
    return f'<h{level} class="wp-block-heading"{anchor_attr}>{text}</h{level}>\n'


def p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{text}</p>\n' if cls else f"<p>{text}</p>\n"


def ul(items: list[str]) -> str:
    return '<ul class="wp-block-list">\n' + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def table(head: list[str], rows: list[list[str]], caption: str, style: str = "is-style-stripes") -> str:
    thead = "<thead><tr>" + "".join(f"<th>{cell}</th>" for cell in head) + "</tr></thead>"
    tbody = (
        "<tbody>" + "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows) + "</tbody>"
    )
    return (
        f'<figure class="wp-block-table {style}"><table class="has-fixed-layout">{thead}{tbody}</table>'
        f'<figcaption class="wp-element-caption">{caption}</figcaption></figure>\n'
    )


def details(summary: str, body: str) -> str:
    """The core "Details" block, which themes style as an accordion."""
    return (
        '<details class="wp-block-details is-layout-flow wp-block-details-is-layout-flow">'
        f"<summary>{summary}</summary>\n{body.strip()}\n</details>\n"
    )


_ACCORDION_ID = [1000]


def accordion(title: str, body: str) -> str:
    """One item of the "Accordion Blocks" plugin."""
    _ACCORDION_ID[0] += 1
    n = _ACCORDION_ID[0]
    return (
        '<div class="wp-block-pb-accordion-item c-accordion__item js-accordion-item no-js" data-initially-open="false" '
        'data-click-to-close="true" data-auto-close="true" data-scroll="false" data-scroll-offset="0">'
        f'<h3 id="at-{n}" class="c-accordion__title js-accordion-controller" role="button">{title}</h3>'
        f'<div id="ac-{n}" class="c-accordion__content">\n{body.strip()}\n</div></div>\n'
    )


def buttons(label: str, href: str) -> str:
    return (
        '<div class="wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex"><div class="wp-block-button">'
        f'<a class="wp-block-button__link wp-element-button" href="{SITE}{href}">{label}</a></div></div>\n'
    )


SEPARATOR = '<hr class="wp-block-separator has-alpha-channel-opacity is-style-wide">\n'


# ------------------------------------------------------------------------------------------------ the pages
def versand() -> str:
    content = (
        h(1, "Versand &amp; Lieferung")
        + group(
            p(
                "Alle Bestellungen verschicken wir aus unserem Versandlager in Lohfelden bei Kassel mit DHL. Hier finden Sie die "
                "Versandkosten und Lieferzeiten innerhalb Deutschlands. Alles zum Versand ins Ausland lesen Sie auf unserer "
                'englischsprachigen Seite <a href="' + SITE + '/en/international-shipping/">International Shipping</a>.'
            ),
            background=True,
        )
        + h(2, "Versandkosten und Lieferzeiten in Deutschland", "versandkosten")
        + table(
            ["Versandart", "Kosten", "Lieferzeit"],
            [
                [
                    "Standardversand mit DHL",
                    "5,95&nbsp;€ pro Bestellung, ab 150&nbsp;€ Warenwert versandkostenfrei",
                    "3 bis 5 Werktage für Lagerware",
                ],
                [
                    "Expressversand mit DHL Express",
                    "12,90&nbsp;€ Aufpreis zusätzlich zum Standardversand",
                    "am nächsten Werktag, wenn Sie von Montag bis Donnerstag bis 11 Uhr bestellen",
                ],
                [
                    "Brautkleider und Maßanfertigungen",
                    "immer versandkostenfrei und versichert",
                    "zum Liefertermin aus Ihrer Maßbestätigung",
                ],
            ],
            "Versandkosten innerhalb Deutschlands. Alle Preise inklusive Mehrwertsteuer. Stand: Januar 2026",
        )
        + group(
            h(3, "Versand am selben Tag")
            + p(
                "Bestellungen von Lagerware, die montags bis freitags bis 12 Uhr bei uns eingehen, verlassen unser Lager noch am "
                "selben Tag. Sobald Ihr Paket unterwegs ist, erhalten Sie eine E-Mail mit der Sendungsnummer."
            )
            + h(3, "Expressversand")
            + p(
                "Den Expressversand können Sie nur für Lagerware wählen. Brautkleider und andere Maßanfertigungen verschicken wir "
                "immer zum Liefertermin aus Ihrer Maßbestätigung."
            )
        )
        + SEPARATOR
        + h(2, "Die Kleiderbox", "kleiderbox")
        + group(
            p(
                "Brautkleider, Abendkleider, Mietkleider und Anzüge verschicken wir hängend in einer stabilen Kleiderbox, damit "
                "nichts knittert. DHL stellt die Kleiderbox nur persönlich gegen Unterschrift zu und gibt sie nicht bei Nachbarn ab. "
                "Sind Sie nicht zu Hause, hinterlegt DHL die Kleiderbox in Ihrer Postfiliale, wo sie 7 Tage lang für Sie bereitliegt."
            )
        )
        + h(2, "Lieferung an Packstation oder Postfiliale", "packstation")
        + group(
            p(
                "An eine DHL-Packstation oder an eine Postfiliale liefern wir nur kleine Sendungen wie Schleier, Handschuhe, Schmuck "
                "oder Brautschuhe. Kleider und Anzüge in der Kleiderbox passen nicht in eine Packstation; für sie geben Sie bitte "
                "immer eine Hausadresse an."
            )
        )
        + h(2, "Teillieferungen", "teillieferungen")
        + group(
            p(
                "Bestellen Sie Lagerware zusammen mit einer Maßanfertigung, schicken wir Ihnen die Lagerware sofort und ohne weitere "
                "Versandkosten vorab."
            )
        )
        + buttons("Zur Sendungsverfolgung", "/sendungsverfolgung/")
    )
    return shell(
        lang="de",
        title="Versand &amp; Lieferung – Silberquell Braut- &amp; Festmode",
        slug="/service/versand-lieferung/",
        body_class="page-id-412",
        content=content,
        description="Versandkosten, Lieferzeiten, Expressversand und Kleiderbox bei Silberquell Braut- &amp; Festmode.",
    )


def international() -> str:
    content = (
        h(1, "International Shipping")
        + group(
            p(
                "We ship from our warehouse in Lohfelden near Kassel, Germany. Outside Germany we deliver to the countries listed "
                "below. This page is only available in English."
            ),
            background=True,
        )
        + h(2, "Shipping costs and delivery times", "costs")
        + table(
            ["Country", "Shipping cost", "Free shipping from", "Delivery time (stock items)", "Return label"],
            [
                ["Austria", "EUR 9.90", "EUR 250", "4–6 working days", "EUR 7.50"],
                [
                    "Switzerland and Liechtenstein",
                    "EUR 24.90",
                    "never free",
                    "5–8 working days",
                    "not available, please return at your own cost",
                ],
                ["Netherlands, Belgium, Luxembourg", "EUR 14.90", "EUR 400", "4–7 working days", "EUR 9.50"],
            ],
            "Shipping costs per order in euros. The cost of a return label is deducted from your refund.",
        )
        + group(
            h(3, "Switzerland and Liechtenstein: customs and VAT")
            + p(
                "Parcels to Switzerland and Liechtenstein are not shipped duty-paid. On delivery, the Swiss carrier charges the "
                "Swiss VAT of 8.1&nbsp;% and a customs clearance fee. You pay both directly to the carrier."
            )
            + h(3, "Made-to-measure orders abroad")
            + p(
                "For made-to-measure dresses and suits delivered outside Germany, please add one week to the delivery date in your "
                "measurement confirmation."
            )
            + h(3, "Express delivery and parcel lockers")
            + p(
                "Express delivery is only available within Germany. Outside Germany we cannot deliver to parcel lockers or post "
                "offices."
            )
            + h(3, "Paying for international orders")
            + p("International orders can be paid by PayPal or by credit card (Visa, Mastercard) only.")
        )
        + SEPARATOR
        + h(2, "Countries we do not ship to", "other-countries")
        + group(
            p(
                "At the moment we do not ship to any other country. This includes the United Kingdom, the USA, France, Italy and "
                "Poland."
            )
        )
        + h(2, "Returns from abroad", "returns")
        + group(
            p(
                "The return period is the same as for orders within Germany (see our German page „Rückgabe &amp; Umtausch“). From "
                "Switzerland and Liechtenstein, please send your return at your own cost and attach the customs form that we "
                "enclose with every parcel."
            )
        )
    )
    return shell(
        lang="en",
        title="International Shipping – Silberquell Braut- &amp; Festmode",
        slug="/en/international-shipping/",
        body_class="page-id-988",
        content=content,
        description="Shipping costs, delivery times and customs for Austria, Switzerland, Liechtenstein and the Benelux countries.",
    )


def rueckgabe() -> str:
    content = (
        h(1, "Rückgabe &amp; Umtausch")
        + group(
            p(
                "Ihr Kleid aus unserer Kollektion passt nicht oder gefällt Ihnen doch nicht? Lagerware können Sie innerhalb von 25 "
                "Tagen ab Zustellung an uns zurückschicken. Diese Rückgabe gilt zusätzlich zu Ihrem gesetzlichen Widerrufsrecht."
            ),
            background=True,
        )
        + h(2, "Häufige Fragen zur Rückgabe", "faq")
        + details(
            "Wie lange habe ich Zeit für eine Rückgabe?",
            p(
                "Für Lagerware haben Sie 25 Tage Zeit, gerechnet ab dem Tag der Zustellung. Es genügt, wenn Sie das Paket am letzten "
                "Tag der Frist bei DHL abgeben."
            ),
        )
        + details(
            "Was ist die Silberquell-Plombe?",
            p(
                "An jedem Braut- und Abendkleid hängt an einem Satinband eine silberne Plombe. Mit der Plombe dürfen Sie das Kleid "
                "in Ruhe anprobieren. Zurücknehmen können wir ein Kleid aber nur, wenn die Plombe unversehrt und nicht abgeschnitten "
                "ist. Entfernen Sie die Plombe also erst, wenn Sie sicher sind, dass Sie das Kleid behalten möchten."
            ),
        )
        + details(
            "Wie schicke ich einen Artikel zurück?",
            ul(
                [
                    "Melden Sie die Rückgabe in Ihrem Kundenkonto unter „Meine Bestellungen“ &gt; „Artikel zurücksenden“ an.",
                    "Haben Sie als Gast bestellt, nutzen Sie unser Rücksendeformular. Dort genügen Ihre Bestellnummer und Ihre E-Mail-Adresse.",
                    "Sie erhalten ein DHL-Rücksendeetikett als PDF oder einen QR-Code. Ohne Drucker zeigen Sie den QR-Code in einer DHL-Filiale vor, dort wird das Etikett für Sie gedruckt.",
                    "Bitte schicken Sie Kleider in der Original-Kleiderbox zurück.",
                ]
            ),
        )
        + details(
            "Was kostet die Rücksendung?",
            p(
                "Für eine Rücksendung aus Deutschland berechnen wir eine Pauschale von 4,95&nbsp;€, die wir von Ihrer Erstattung "
                "abziehen. Der Umtausch in eine andere Größe ist dagegen kostenlos: Wählen Sie im Rücksendeformular „Umtausch“ und "
                "die neue Größe. Die neue Größe schicken wir los, sobald Ihre Rücksendung bei uns angekommen ist."
            ),
        )
        + details(
            "Wann bekomme ich mein Geld zurück?",
            p(
                "Sobald Ihre Rücksendung in unserem Lager in Lohfelden angekommen ist, erstatten wir den Betrag innerhalb von 7 "
                "Werktagen. Das Geld erhalten Sie auf demselben Weg zurück, auf dem Sie bezahlt haben."
            ),
        )
        + details(
            "Welche Artikel sind von der Rückgabe ausgeschlossen?",
            ul(
                [
                    "Maßanfertigungen, also Brautkleider, Abendkleider, Anzüge und Kommunionkleider nach Maß",
                    "Artikel, die wir auf Ihren Wunsch gekürzt oder geändert haben",
                    "personalisierte Artikel, zum Beispiel Kommunionkerzen mit Namen oder bestickte Taschentücher",
                    "Kleider, deren Plombe entfernt oder beschädigt wurde",
                ]
            ),
        )
        + details(
            "Wie gebe ich ein Mietkleid zurück?",
            p(
                "Mietkleider schicken Sie nicht über das Rücksendeformular zurück. Wie die Rückgabe eines Mietkleids funktioniert, "
                "lesen Sie auf unserer Seite „Mietkleider“ und im Mietvertrag."
            ),
        )
        + SEPARATOR
        + buttons("Zum Rücksendeformular", "/ruecksendung/")
    )
    return shell(
        lang="de",
        title="Rückgabe &amp; Umtausch – Silberquell Braut- &amp; Festmode",
        slug="/service/rueckgabe-umtausch/",
        body_class="page-id-415",
        content=content,
        description="Rückgabefrist, Silberquell-Plombe, Rücksendekosten und Umtausch.",
    )


def zahlung() -> str:
    content = (
        h(1, "Zahlung &amp; Anzahlung")
        + group(
            p(
                "Bei Silberquell bezahlen Sie sicher und bequem. Für Maßanfertigungen gilt ein eigener Ablauf mit Anzahlung, den wir "
                "Ihnen weiter unten erklären."
            ),
            background=True,
        )
        + h(2, "Zahlungsarten im Onlineshop", "zahlungsarten")
        + group(
            ul(
                [
                    "PayPal",
                    "Kreditkarte (Visa und Mastercard)",
                    "Apple Pay",
                    "Vorkasse per Überweisung: Sie erhalten 2&nbsp;% Skonto",
                ]
            )
            + p(
                "Nicht anbieten können wir den Kauf auf Rechnung, Nachnahme, Lastschrift, Google Pay, American Express und Klarna."
            )
        )
        + h(2, "Fragen zur Zahlung", "fragen")
        + accordion(
            "Wie funktioniert die Anzahlung bei Maßanfertigungen?",
            p(
                "Bei Brautkleidern, Abendkleidern, Anzügen und Kommunionkleidern nach Maß zahlen Sie mit der Maßbestätigung eine "
                "Anzahlung von 40&nbsp;% des Preises. Erst wenn die Anzahlung bei uns eingegangen ist, beginnen wir mit der Fertigung."
            ),
        )
        + accordion(
            "Kann ich den Restbetrag in Raten zahlen?",
            p(
                "Ja. Den Restbetrag von 60&nbsp;% können Sie in bis zu 3 zinsfreien Monatsraten zahlen. Die letzte Rate muss vor dem "
                "Versand bei uns eingegangen sein, denn wir verschicken das Kleid erst, wenn es vollständig bezahlt ist."
            ),
        )
        + accordion(
            "Wann ist der Restbetrag fällig, wenn ich nicht in Raten zahle?",
            p("Spätestens 14 Tage vor dem Liefertermin. Wir erinnern Sie rechtzeitig per E-Mail daran."),
        )
        + accordion(
            "Wie bezahle ich im Showroom?",
            p("Im Showroom in Kassel zahlen Sie bar, mit Girocard oder mit Kreditkarte (Visa und Mastercard)."),
        )
        + accordion(
            "Wie bezahle ich ein Mietkleid?",
            p(
                "Für Mietkleider gelten die Regeln aus dem Mietvertrag und aus unserer englischen Zusammenfassung der "
                "Mietbedingungen."
            ),
        )
        + SEPARATOR
        + group(
            p(
                "Alle Zahlungen werden verschlüsselt übertragen. Ihre Kartendaten speichern wir nicht.",
                "has-small-font-size",
            )
        )
    )
    return shell(
        lang="de",
        title="Zahlung &amp; Anzahlung – Silberquell Braut- &amp; Festmode",
        slug="/service/zahlung-anzahlung/",
        body_class="page-id-418",
        content=content,
        description="Zahlungsarten, Anzahlung und Ratenzahlung für Maßanfertigungen.",
    )


def datenschutz() -> str:
    content = (
        h(1, "Datenschutz: Auskunft &amp; Löschung")
        + group(
            p(
                "Auf dieser Seite erklären wir, wie Sie Auskunft über Ihre Daten erhalten und wie Sie Daten löschen lassen. Die "
                'vollständige <a href="'
                + SITE
                + '/datenschutzerklaerung/">Datenschutzerklärung</a> finden Sie im Footer.'
            ),
            background=True,
        )
        + h(2, "Auskunft, Berichtigung und Löschung", "rechte")
        + group(
            p(
                "Sie können jederzeit Auskunft über Ihre gespeicherten Daten verlangen und deren Berichtigung oder Löschung beantragen. "
                "Schreiben Sie dazu an datenschutz@silberquell-festmode.example. Wir beantworten Ihre Anfrage innerhalb von 20 Tagen, "
                "die Auskunft ist kostenlos. Damit niemand fremde Daten abfragt, bestätigen Sie Ihre Anfrage über einen Link, den wir "
                "an Ihre bei uns hinterlegte E-Mail-Adresse schicken."
            )
        )
        + h(2, "Ihr Maßprofil", "massprofil")
        + group(
            p(
                "Ihre Körpermaße speichern wir in Ihrem Maßprofil, damit wir Ihr Kleid oder Ihren Anzug fertigen und später ändern "
                "können. Das Maßprofil löschen wir automatisch 3 Jahre nach Ihrer letzten Bestellung. Auf Wunsch löschen wir es sofort; "
                "eine E-Mail an datenschutz@silberquell-festmode.example genügt."
            )
        )
        + h(2, "Kundenkonto löschen", "konto")
        + group(
            p(
                "Ihr Kundenkonto löschen Sie selbst unter „Mein Konto“ &gt; „Einstellungen“ &gt; „Konto löschen“. Solange eine "
                "Maßanfertigung oder eine Miete noch nicht abgeschlossen ist, ist das nicht möglich. Rechnungen bewahren wir aus "
                "steuerlichen Gründen 10 Jahre lang auf."
            )
        )
        + h(2, "Fotos in der Galerie „Silberquell-Bräute“", "fotos")
        + group(
            p(
                "Fotos für unsere Galerie veröffentlichen wir nur mit Ihrer schriftlichen Einwilligung. Sie können die Einwilligung "
                "jederzeit zurücknehmen; wir entfernen das Foto dann innerhalb von 5 Werktagen."
            )
        )
        + h(2, "Unsere Datenschutzbeauftragte", "dsb")
        + group(
            p(
                "Unsere externe Datenschutzbeauftragte ist Marlene Vosskuhl (Vosskuhl Datenschutzberatung, Göttingen). Sie erreichen "
                "sie unter dsb@silberquell-festmode.example."
            )
        )
        + h(2, "Newsletter abbestellen", "newsletter")
        + group(p("Den Newsletter bestellen Sie über den Link am Ende jeder Ausgabe ab."))
    )
    return shell(
        lang="de",
        title="Datenschutz: Auskunft &amp; Löschung – Silberquell Braut- &amp; Festmode",
        slug="/service/datenschutz-anfragen/",
        body_class="page-id-421",
        content=content,
        description="Auskunft, Löschung, Maßprofil und Datenschutzbeauftragte.",
    )


PAGES = {
    "versand-lieferung.html": versand,
    "international-shipping.html": international,
    "rueckgabe-umtausch.html": rueckgabe,
    "zahlung-anzahlung.html": zahlung,
    "datenschutz.html": datenschutz,
}


def main() -> None:
    KNOWLEDGE.mkdir(parents=True, exist_ok=True)
    for name, build in PAGES.items():
        (KNOWLEDGE / name).write_text(build(), encoding="utf-8")
        print("wrote", KNOWLEDGE / name)


if __name__ == "__main__":
    main()
