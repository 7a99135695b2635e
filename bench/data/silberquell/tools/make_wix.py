#!/usr/bin/env python3
# ruff: noqa: E501
"""Write the two Wix pages of knowledge/ (standard library only).

The showroom and the communion pages are built with the Wix editor and saved from the browser: a <head> full of
meta tags and `wix-*` scripts, a `SITE_CONTAINER` with header, pages container and footer, and every element as
an absolutely positioned <div id="comp-…"> (`style="position:absolute;left:…px;top:…px;width:…px"`). Text boxes
are `wixui-rich-text` elements whose text is split over many nested <span>s: each styled stretch (font, colour,
bold, letter spacing) has its own span, nested two or three deep, and empty paragraphs hold a
`<span class="wixGuard">&#8203;</span>`. The DOM order follows the order in which the boxes were added, not the
visual order: the box with parking and tram sits after the booking section in the DOM although it is shown beside
the address, and the communion page's deadline box comes after the sibling discount.

In the source lists below, every string is one span; a tuple ("b", text) is a bold span. Spans break at spaces,
never inside a word.

    python3 tools/make_wix.py
"""

from __future__ import annotations

import html
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
SITE = "https://www.silberquell-festmode.example"

FONT = "font-family:cormorantgaramond-light,cormorant garamond,serif;"
SANS = "font-family:avenir-lt-w01_35-light1475496,sans-serif;"


def span_text(chunk) -> str:
    if isinstance(chunk, tuple):
        _, text = chunk
        inner = f'<span style="font-weight:bold;" class="wixui-rich-text__text">{html.escape(text, quote=False)}</span>'
    else:
        inner = f'<span class="wixui-rich-text__text">{html.escape(chunk, quote=False)}</span>'
    return f'<span style="{SANS}" class="wixui-rich-text__text"><span style="color:#4A4039;" class="wixui-rich-text__text">{inner}</span></span>'


def paragraph(chunks: list, cls: str = "font_8") -> str:
    if not chunks:
        return f'<p class="{cls} wixui-rich-text__text"><span class="wixGuard wixui-rich-text__text">&#8203;</span></p>'
    return (
        f'<p class="{cls} wixui-rich-text__text" style="line-height:1.7em;">'
        + "".join(span_text(c) for c in chunks)
        + "</p>"
    )


def heading(text: str, level: int = 2) -> str:
    words = text.split(" ")
    # Wix splits a heading where the letter spacing was changed on its first word
    first, rest = words[0], " ".join(words[1:])
    rest_html = (
        f'<span style="letter-spacing:0.05em;" class="wixui-rich-text__text"> {html.escape(rest, quote=False)}</span>'
        if rest
        else ""
    )
    return (
        f'<h{level} class="font_{level} wixui-rich-text__text"><span style="{FONT}" class="wixui-rich-text__text">'
        f'<span style="color:#8C6E5A;" class="wixui-rich-text__text"><span style="letter-spacing:0.1em;" class="wixui-rich-text__text">'
        f"{html.escape(first, quote=False)}</span>{rest_html}</span></span></h{level}>"
    )


def box(comp: str, left: int, top: int, width: int, height: int, inner: str) -> str:
    return (
        f'<div id="comp-{comp}" class="KcpHeO tz5f0K comp-{comp} wixui-rich-text" data-testid="richTextElement" '
        f'style="position:absolute;left:{left}px;top:{top}px;width:{width}px;height:{height}px">{inner}</div>\n'
    )


def button(comp: str, left: int, top: int, label: str, href: str) -> str:
    return (
        f'<div id="comp-{comp}" class="comp-{comp} R6ex7N wixui-button" data-semantic-classname="button" '
        f'style="position:absolute;left:{left}px;top:{top}px;width:180px;height:44px" aria-disabled="false">'
        f'<a data-testid="linkElement" href="{SITE}{href}" class="wixui-button__link"><span class="w4Vxx6 wixui-button__label">{label}</span></a></div>\n'
    )


def image(comp: str, left: int, top: int, alt: str, file: str) -> str:
    return (
        f'<div id="comp-{comp}" class="MazNVa comp-{comp} wixui-image" data-testid="imageX" style="position:absolute;left:{left}px;top:{top}px;width:460px;height:560px">'
        f'<div data-testid="linkElement" class="j7pOnl"><wow-image id="img_comp-{comp}" class="HlRz5e BI8PVQ" data-image-info="{{&quot;containerId&quot;:&quot;comp-{comp}&quot;}}">'
        f'<img src="https://static.wixstatic.com/media/{file}/v1/fill/w_460,h_560,al_c,q_85,enc_auto/{file}" alt="{alt}" style="width:460px;height:560px;object-fit:cover" width="460" height="560"></wow-image></div></div>\n'
    )


def shell(title: str, description: str, page_id: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Wix.com Website Builder">
<link rel="icon" sizes="192x192" href="https://static.wixstatic.com/media/9c2a41_silberquell_favicon.png/v1/fill/w_192,h_192,lg_1,usm_0.66_1.00_0.01/9c2a41_silberquell_favicon.png" type="image/png">
<meta name="format-detection" content="telephone=no">
<meta name="skype_toolbar" content="skype_toolbar_parser_compatible">
<script type="text/javascript">var bi = window.bi || {{}}; var fedops = window.fedops || {{}}; window.__BROWSER_DEPRECATION__ = false;</script>
<script id="wix-viewer-model" type="application/json">{{"siteFeatures":["assetsLoader","businessLogger","cookiesManager","consentPolicy","seo"],"site":{{"metaSiteId":"6f1c2a9e-silberquell","siteId":"b7e41d03-4a2c"}},"language":{{"userLanguage":"de","siteLanguage":"de"}},"requestUrl":"{SITE}/{page_id}"}}</script>
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="{SITE}/{page_id}">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{SITE}/{page_id}">
<meta property="og:site_name" content="Silberquell Braut- &amp; Festmode">
<meta property="og:type" content="website">
<style id="css_masterPage">#SITE_CONTAINER{{position:relative}}.wixui-rich-text{{word-wrap:break-word}}.font_2{{font:normal normal normal 38px/1.3em cormorantgaramond-light,serif;color:#8C6E5A}}.font_8{{font:normal normal normal 16px/1.7em avenir-lt-w01_35-light1475496,sans-serif;color:#4A4039}}</style>
</head>
<body>
<div id="SITE_CONTAINER"><div id="main_MF" class="main_MF"><div id="SCROLL_TO_TOP" class="Vd6aQZ ignore-focus" tabindex="-1" role="region" aria-label="top of page"><span class="mHZSwn">top of page</span></div>
<div id="site-root" class="site-root"><div id="masterPage" class="mesh-layout masterPage css-editing-layout">
<header id="SITE_HEADER" class="xU8fqS SITE_HEADER wixui-header" tabindex="-1">
<div id="comp-hdr-logo" class="comp-hdr-logo wixui-image" style="position:absolute;left:40px;top:18px;width:200px;height:56px"><img src="https://static.wixstatic.com/media/9c2a41_logo.png" alt="Silberquell Braut- &amp; Festmode"></div>
<nav id="comp-hdr-menu" class="comp-hdr-menu wixui-horizontal-menu" aria-label="Website" style="position:absolute;left:420px;top:30px;width:620px;height:40px"><ul class="wixui-horizontal-menu__list">
<li class="wixui-horizontal-menu__item"><a href="{SITE}/">Startseite</a></li><li class="wixui-horizontal-menu__item"><a href="{SITE}/brautmode">Brautmode</a></li><li class="wixui-horizontal-menu__item"><a href="{SITE}/abendmode">Abendmode</a></li><li class="wixui-horizontal-menu__item"><a href="{SITE}/kommunion">Kommunion</a></li><li class="wixui-horizontal-menu__item"><a href="{SITE}/showroom">Showroom</a></li><li class="wixui-horizontal-menu__item"><a href="{SITE}/kontakt">Kontakt</a></li>
</ul></nav>
</header>
<main id="PAGES_CONTAINER" class="PAGES_CONTAINER" tabindex="-1" data-main-content="true"><div id="SITE_PAGES" class="JsJXaX SITE_PAGES"><div id="{page_id}" class="dBAkHi theme-vars"><div id="Containerc1dmp" class="Containerc1dmp SPY_vo">
<section id="comp-sec-main" class="comp-sec-main wixui-section" style="position:relative;min-height:2100px">
{body}</section>
</div></div></div></main>
<footer id="SITE_FOOTER" class="SITE_FOOTER wixui-footer" tabindex="-1">
<div id="comp-ftr-text" class="comp-ftr-text wixui-rich-text" data-testid="richTextElement" style="position:absolute;left:40px;top:20px;width:900px;height:60px"><p class="font_9 wixui-rich-text__text"><span class="wixui-rich-text__text">© 2026 Silberquell Braut- &amp; Festmode GmbH · </span><span class="wixui-rich-text__text"><a href="{SITE}/impressum">Impressum</a></span><span class="wixui-rich-text__text"> · </span><span class="wixui-rich-text__text"><a href="{SITE}/datenschutz">Datenschutz</a></span><span class="wixui-rich-text__text"> · Stolz erstellt mit Wix.com</span></p></div>
</footer>
</div></div></div></div>
<div id="consent-banner-root" class="consent-banner-root"><div class="consent-banner" role="dialog" aria-label="Cookie-Banner" data-hook="consent-banner-root"><div class="consent-banner__text"><p>Diese Website verwendet Cookies. Mehr dazu in unserer <a href="{SITE}/datenschutz">Datenschutzerklärung</a>.</p></div><div class="consent-banner__buttons"><button data-hook="consent-banner-settings-button">Einstellungen</button><button data-hook="consent-banner-decline-button">Ablehnen</button><button data-hook="consent-banner-apply-button">Alle akzeptieren</button></div></div></div>
<script src="https://static.parastorage.com/services/wix-thunderbolt/dist/main.4f1d2b.bundle.min.js" async></script>
<script async src="https://static.parastorage.com/unpkg/@wix/wix-bi-logger-client@1.0.58/dist/index.min.js"></script>
</body>
</html>
"""


def showroom() -> str:
    body = (
        image("lq2x7w0c", 40, 120, "Brautberatung im Showroom Kassel", "9c2a41_showroom_kassel~mv2.jpg")
        + box("lq2x8a1", 560, 120, 520, 60, heading("Unser Showroom in Kassel", 1))
        + box(
            "lq2x8a5",
            560,
            200,
            520,
            150,
            paragraph(
                [
                    "Im Vorderen Westen zeigen wir Ihnen auf 240 Quadratmetern ",
                    "unsere Braut-, Abend- und Festmode. ",
                    "Der Showroom ist ",
                    ("b", "nur mit Termin"),
                    " geöffnet – so haben wir Zeit nur für Sie.",
                ]
            )
            + paragraph([]),
        )
        + box("lq2x9c2", 560, 380, 300, 40, heading("Adresse & Öffnungszeiten"))
        + box(
            "lq2x9c7",
            560,
            430,
            300,
            170,
            paragraph(["Friedrich-Ebert-Straße 84", ", 34119 Kassel"])
            + paragraph(["Dienstag bis Freitag: ", ("b", "11 bis 19 Uhr")])
            + paragraph(["Samstag: ", ("b", "10 bis 16 Uhr")])
            + paragraph(["Montag und Sonntag geschlossen"]),
        )
        + box("lq2xa001", 40, 720, 520, 40, heading("Brautberatung"))
        + box(
            "lq2xa004",
            40,
            770,
            520,
            170,
            paragraph(
                [
                    "Ihre Brautberatung dauert ",
                    ("b", "2 Stunden"),
                    ". Dafür berechnen wir eine ",
                    "Beratungspauschale von ",
                    ("b", "45 €"),
                    ", die wir beim Kauf eines Brautkleids ",
                    "vollständig anrechnen. ",
                ]
            )
            + paragraph(
                ["Bringen Sie gern bis zu ", ("b", "4 Begleitpersonen"), " mit – ", "ein Glas Sekt steht bereit."]
            ),
        )
        + box("lq2xa0b2", 600, 720, 480, 40, heading("Abendmode, Anzüge & Kommunion"))
        + box(
            "lq2xa0b6",
            600,
            770,
            480,
            120,
            paragraph(
                [
                    "Eine Beratung für Abendkleider, Mietkleider, ",
                    "Anzüge oder Kommunionmode dauert ",
                    ("b", "1 Stunde"),
                    " und ist ",
                    ("b", "kostenlos"),
                    ".",
                ]
            ),
        )
        + box("lq2xb111", 40, 1000, 520, 40, heading("Termin buchen"))
        + box(
            "lq2xb115",
            40,
            1050,
            520,
            200,
            paragraph(
                [
                    "Termine buchen Sie online über den Button ",
                    ("b", "„Termin buchen“"),
                    " oder per E-Mail an ",
                    "termin@silberquell-festmode.example",
                    ".",
                ]
            )
            + paragraph([])
            + paragraph(
                [
                    "Können Sie einen Termin nicht wahrnehmen, sagen Sie ihn bitte ",
                    ("b", "bis 48 Stunden vorher"),
                    " ab. Bei einer späteren Absage oder wenn Sie nicht kommen, ",
                    "behalten wir die Beratungspauschale der Brautberatung ein.",
                ]
            ),
        )
        + button("lq2xb1k0", 40, 1270, "Termin buchen", "/termin-buchen")
        + box(
            "lq2xc3m1",
            880,
            430,
            220,
            170,
            paragraph(["Parken: ", "3 Kundenparkplätze im Innenhof, ", "Einfahrt über die Querallee."])
            + paragraph(["Tram: ", "Linien 4 und 8, ", "Haltestelle Annastraße."]),
        )
        + box("lq2xd001", 600, 1000, 480, 40, heading("We speak English"))
        + box(
            "lq2xd005",
            600,
            1050,
            480,
            120,
            paragraph(
                [
                    "Unsere Beraterinnen beraten Sie ",
                    ("b", "auch auf Englisch"),
                    " – ",
                    "ideal für internationale Hochzeitsgäste. ",
                    "Sprechen Sie uns einfach an.",
                ]
            ),
        )
    )
    return shell(
        "Showroom Kassel | Termin buchen | Silberquell Braut- &amp; Festmode",
        "Brautberatung und Anprobe in unserem Showroom in Kassel – nur mit Termin.",
        "showroom",
        body,
    )


def kommunion() -> str:
    body = (
        image("lr8k1a00", 40, 120, "Kommunionkleid mit Haarkranz", "9c2a41_kommunion_2026~mv2.jpg")
        + box("lr8k1a04", 560, 120, 520, 100, heading("Kommunionmode für Mädchen und Jungen", 1))
        + box(
            "lr8k1a09",
            560,
            240,
            520,
            140,
            paragraph(
                [
                    "Kommunionkleider in den Größen ",
                    ("b", "116 bis 164"),
                    ", Kommunionanzüge in den Größen ",
                    ("b", "122 bis 176"),
                    " – dazu Haarkränze, Handschuhe, Täschchen und Kerzen. ",
                    "Kommunionkleider gibt es bei uns ab 89 €.",
                ]
            ),
        )
        + box("lr8k2b00", 560, 410, 520, 40, heading("Welche Größe passt?"))
        + box(
            "lr8k2b04",
            560,
            460,
            520,
            220,
            paragraph(
                [
                    "Die Größe entspricht der Körpergröße Ihres Kindes in Zentimetern. ",
                    "Unsere Kommuniongrößen gibt es in Schritten von 6 cm: ",
                    "116, 122, 128, 134, 140, 146, 152, 158 und 164. ",
                    ("b", "Liegt Ihr Kind zwischen zwei Größen, wählen Sie die nächstgrößere."),
                ]
            )
            + paragraph(
                [
                    "Ist das Kleid zu lang? ",
                    ("b", "Kommunionkleider, die Sie bei uns gekauft haben, kürzen wir kostenlos"),
                    " – im Showroom oder per Post.",
                ]
            ),
        )
        + box("lr8k3c00", 40, 740, 520, 40, heading("Geschwisterrabatt"))
        + box(
            "lr8k3c04",
            40,
            790,
            520,
            140,
            paragraph(
                [
                    "Feiern Geschwister gemeinsam Kommunion? ",
                    "Bestellen Sie beide Outfits in einer Bestellung, ",
                    "erhalten Sie ",
                    ("b", "10 % Geschwisterrabatt"),
                    " auf das günstigere Outfit. ",
                    "Der Rabatt wird im Warenkorb automatisch abgezogen.",
                ]
            ),
        )
        + box("lr8k4d00", 600, 740, 480, 40, heading("Rechtzeitig zur Erstkommunion"))
        + box(
            "lr8k4d04",
            600,
            790,
            480,
            140,
            paragraph(
                [
                    "Lagerware, die Sie ",
                    ("b", "bis zum 15. März"),
                    " bestellen, ist ",
                    "garantiert vor dem 1. April bei Ihnen. ",
                    "Kommunionkleider nach Maß planen Sie bitte mit mehr Vorlauf ein.",
                ]
            ),
        )
        + box("lr8k5e00", 40, 990, 520, 40, heading("Kommunion-Samstage"))
        + box(
            "lr8k5e04",
            40,
            1040,
            520,
            120,
            paragraph(
                [
                    "An den Kommunion-Samstagen im Februar und März ",
                    "können Sie ",
                    ("b", "ohne Termin"),
                    " in unseren Showroom kommen, ",
                    "jeweils von 10 bis 16 Uhr.",
                ]
            ),
        )
        + button("lr8k5e0k", 40, 1180, "Zur Kommunion-Kollektion", "/kommunion/kollektion")
    )
    return shell(
        "Kommunionmode | Silberquell Braut- &amp; Festmode",
        "Kommunionkleider und Kommunionanzüge, Größen, Geschwisterrabatt und Bestellfristen.",
        "kommunion",
        body,
    )


PAGES = {"showroom-kassel-termine.html": showroom, "kommunionmode.html": kommunion}


def main() -> None:
    KNOWLEDGE.mkdir(parents=True, exist_ok=True)
    for name, build in PAGES.items():
        (KNOWLEDGE / name).write_text(build(), encoding="utf-8")
        print("wrote", KNOWLEDGE / name)


if __name__ == "__main__":
    main()
