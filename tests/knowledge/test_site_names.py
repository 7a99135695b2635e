"""Page titles without the site's name that many of a brand's pages carry."""

from __future__ import annotations

from heine_ai.knowledge.site_names import site_names, titled_by_page, without_site_name
from heine_ai.providers.vectors import StoredChunk

CONFLUENCE = [
    "Kundenservice-Wissen : Veredelung mit Ihrem Firmenlogo",
    "Kundenservice-Wissen : Firmenkonto und Kauf auf Rechnung",
    "Kundenservice-Wissen : Reklamation und Gewährleistung",
    "Versand und Lieferung",
    "Größentabelle Arbeitskleidung – Bundhosen, Latzhosen, Jacken und Westen",
]


def test_a_space_or_shop_name_many_pages_carry_is_no_part_of_a_pages_title() -> None:
    names = site_names(CONFLUENCE)  # three of five pages
    assert names == {"Kundenservice-Wissen"}
    names = site_names([*CONFLUENCE, *(f"Seite {n}" for n in range(20))])  # a space before a colon on two or more
    assert names == {"Kundenservice-Wissen"}
    assert without_site_name(CONFLUENCE[0], names) == "Veredelung mit Ihrem Firmenlogo"
    assert without_site_name(CONFLUENCE[4], names) == CONFLUENCE[4]  # its own dash stays
    shop = ["Kommunionmode | Silberquell", "Showroom Kassel | Termin buchen | Silberquell", "Versand | Silberquell"]
    names = site_names(shop)
    assert without_site_name(shop[1], names) == "Showroom Kassel | Termin buchen"
    few = ["Kommunionmode | Silberquell Braut- & Festmode", *(f"Seite {n}" for n in range(20))]
    assert site_names(few) == frozenset()  # one page of many: unknown, unless it names the brand
    assert without_site_name(few[0], site_names(few, "silberquell")) == "Kommunionmode"


def test_a_part_few_pages_share_stays_and_a_title_is_never_emptied() -> None:
    titles = ["Hilfe – Versand", "Hilfe – Rücksendung", *(f"Seite {n}" for n in range(10))]
    assert site_names(titles) == frozenset()  # two of twelve pages: a topic, not the site
    assert without_site_name("Silberquell", frozenset({"Silberquell"})) == "Silberquell"


def test_the_index_titles_each_chunk_by_its_page() -> None:
    chunks = [StoredChunk(str(n), "Text.", {"title": title, "url": f"/{n}"}) for n, title in enumerate(CONFLUENCE)]
    titled = titled_by_page([*chunks, StoredChunk("x", "Mehr.", {"title": CONFLUENCE[1], "url": "/1"})])
    assert [c.metadata["title"] for c in titled][:3] == [
        "Veredelung mit Ihrem Firmenlogo",
        "Firmenkonto und Kauf auf Rechnung",
        "Reklamation und Gewährleistung",
    ]
    assert titled[-1].metadata["title"] == "Firmenkonto und Kauf auf Rechnung"
    assert titled[-1].metadata["url"] == "/1" and titled[3] is chunks[3]
