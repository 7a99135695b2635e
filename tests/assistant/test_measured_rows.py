"""A measure the customer gives finds the one size table that holds it, whatever the words around it; a garment
that does not fit is sent back, not measured."""

from __future__ import annotations

from heine_ai.app_state import AppState
from heine_ai.knowledge.documents import Document
from heine_ai.knowledge.loaders.markdown import parse_markdown
from heine_ai.messages import Channel, InboundMessage

SHOES = Document(
    "schuhe.md",
    "Schuhgrößen nach Fußlänge",
    "/schuhe",
    parse_markdown(
        "# Schuhgrößen nach Fußlänge\n\nWelche Größe braucht dein Kleiner? Miss einfach bei euch zu Hause, wie groß "
        "sein Fuß jetzt ist, in cm, und lies die passende Größe in der Tabelle ab. Ist dein Kind zwischen zwei "
        "Größen, nimm die größere Größe.\n\n| Fußlänge | EU-Größe |\n|---|---|\n| 15,2–15,7 cm | 25 |\n"
        "| 15,8–16,4 cm | 26 |\n"
    ),
)
SIZES = Document(
    "groessen.md",
    "Größentabelle Kinder",
    "/groessen",
    parse_markdown(
        "# Größentabelle Kinder\n\n| Größe | Körpergröße | Alter |\n|---|---|---|\n| 98 | 93–98 cm | 3 Jahre |\n"
        "| 104 | 99–104 cm | 4 Jahre |\n| 110 | 105–110 cm | 5 Jahre |\n"
    ),
)
MEASURING = [
    Document(
        f"messen{number}.md",
        title,
        f"/messen{number}",
        parse_markdown(f"# {title}\n\n{text}\n"),
    )
    for number, (title, text) in enumerate(
        [
            ("So misst du richtig", "Stell deinen Kleinen an die Wand und miss, wie groß er ist, in cm."),
            ("Zwischen zwei Größen?", "Ist dein Kleiner zwischen zwei Größen, nimm bei uns die kleinere Größe."),
            ("Mitwachs-Bündchen", "Unsere Sachen wachsen mit: Welche Größe du auch brauchst, sie passt länger."),
        ]
    )
]
VOUCHERS = Document(
    "gutscheine.md",
    "Gutscheine",
    "/gutscheine",
    parse_markdown("# Gutscheine\n\n| Wert | als Karte |\n|---|---|\n| 10 bis 250 € | ja |\n| 500 € | nein |\n"),
)


async def test_a_measure_finds_the_one_table_row_that_holds_it_in_its_unit(empty_state: AppState) -> None:
    await empty_state.ingestor.ingest_documents("heine", [SHOES, SIZES, VOUCHERS, *MEASURING])
    question = "mein kleiner ist jetzt 101 cm groß welche größe brauch ich bei euch"
    reply = await empty_state.assistant.handle(InboundMessage("heine", Channel.API, question))
    assert "Größe 104" in reply.text  # the row of the sizes by height, not the shoes' "passende Größe"
    assert reply.sources[0].url == "/groessen"


CONVERSION = Document(
    "wanderschuhe.md",
    "Größentabelle Wanderschuhe",
    "/wanderschuhe",
    parse_markdown(
        "# Größentabelle Wanderschuhe\n\nWanderschuhe fallen bei uns normal aus.\n\n"
        "| EU | UK | US Damen | max. Fußlänge |\n|---|---|---|---|\n| 42 | 8 | 10 | 26,8 cm |\n"
        "| 43 | 9 | 11 | 27,5 cm |\n| 44 | 9,5 | 11,5 | 28,1 cm |\n"
    ),
)


async def test_a_size_in_another_countrys_system_finds_its_row_in_the_conversion_table(empty_state: AppState) -> None:
    await empty_state.ingestor.ingest_documents("heine", [CONVERSION, SIZES, *MEASURING])
    question = "ich trag normalerweise UK 9, was is das in EU bei euch?"
    reply = await empty_state.assistant.handle(InboundMessage("heine", Channel.API, question))
    assert "EU 43" in reply.text and "EU 44" not in reply.text
    assert reply.sources[0].url == "/wanderschuhe"


RETURNS = Document(
    "ruecksendung.md",
    "Rücksendung und Umtausch",
    "/ruecksendung",
    parse_markdown(
        "# Rücksendung und Umtausch\n\n## So schicken Sie etwas zurück\n\nMelden Sie die Rücksendung in Ihrem "
        "Kundenkonto unter „Meine Bestellungen“ an und drucken Sie das Etikett aus. Ein Umtausch in eine andere "
        "Größe ist kostenlos.\n"
    ),
)
BOOTS = Document(
    "stiefel.md",
    "Größentabelle Schuhe",
    "/schuhe-groessen",
    parse_markdown(
        "# Größentabelle Schuhe\n\nUnsere Stiefel fallen eher klein aus. Sind Ihnen Stiefel oft zu klein, wählen Sie "
        "die nächstgrößere Nummer.\n\n| Fußlänge | EU-Größe |\n|---|---|\n| 25,5 cm | 40 |\n| 26,2 cm | 41 |\n"
    ),
)


async def test_a_garment_that_does_not_fit_is_sent_back_not_measured(empty_state: AppState) -> None:
    await empty_state.ingestor.ingest_documents("heine", [RETURNS, BOOTS, *MEASURING])
    question = "Die Stiefel sind mir leider zu klein. Wie schick ich die zurück?"
    reply = await empty_state.assistant.handle(InboundMessage("heine", Channel.API, question))
    assert reply.sources[0].url == "/ruecksendung"
    assert "Meine Bestellungen" in reply.text
