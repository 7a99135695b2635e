"""Table rows as self-contained statements that keep their column headers.

The answer side looks values up in exactly this form: "<Header1> <cell1>: <Header2> <cell2>, <Header3> <cell3>.",
e.g. "Größe 44: Brustumfang 100 cm, Taille 84 cm." A unit named in a header ("Brustumfang (cm)", "Preis in €")
moves behind the value. Without a header row a row reads "<cell1>: <cell2>, <cell3>."
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNIT = (
    r"cm|mm|m|km|kg|g|ml|l|°C|€|EUR|Euro|CHF|\$|USD|£|GBP|%|Zoll|inch(?:es)?|Tagen?|Werktagen?|Stunden|Minuten"
    r"|Wochen|Monaten?|Jahren?|days|hours|minutes|weeks|months|years"
)
_BRACKETED_UNIT = re.compile(rf"^(.+?)\s*[(\[]\s*(?:in\s+)?({_UNIT})\s*[)\]]$", re.IGNORECASE)
_NAMED_UNIT = re.compile(rf"^(.+?)\s+in\s+({_UNIT})$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'“”»)\]]*$")
_DIGIT = re.compile(r"\d")
_NOMINATIVE = {"monaten": "Monate", "jahren": "Jahre", "tagen": "Tage", "werktagen": "Werktage"}
_DASH = re.compile(r"\s*[-–—]\s*")
NOTE_COLUMNS = 2  # a table wider than this may have a note across it
NOTE_WORDS = 4  # the fewest words of such a note: "Liechtenstein" alone in its row is a row whose cells are gone


def looks_like_header(row: Sequence[str]) -> bool:
    """For formats that do not mark a header row: a first row of names, none of them a figure."""
    cells = [cell for cell in row if cell]
    return len(cells) >= 2 and not any(_DIGIT.search(cell) for cell in cells)


def row_statements(rows: Sequence[Sequence[str]], header: Sequence[str] | None) -> list[str]:
    """A dash in a column of figures ("in Jahren: –" beside "in Monaten: 9–11") is no value and left out; in a
    column of marks ("✓", "–") it says no and stays."""
    columns = [_name_and_unit(cell) for cell in header] if header else []
    width = max((len(row) for row in rows), default=0)
    figures = [any(_DIGIT.search(row[i]) for row in rows if i < len(row)) for i in range(width)]
    statements = []
    for row in rows:
        if width > 1 and (len(row) == 1 or _note_in_first_cell(row)):
            # a note across the table ("Nicht angeboten werden: ..."), under no column
            statements.append(row[0] if _SENTENCE_END.search(row[0]) else f"{row[0]}.")
            continue
        pairs = [
            _pair(columns[i] if i < len(columns) else ("", ""), cell)
            for i, cell in enumerate(row)
            if cell and not (figures[i] and _DASH.fullmatch(cell))
        ]
        if not pairs:
            continue
        lead, rest = pairs[0], pairs[1:]
        statement = f"{lead}: {', '.join(rest)}" if rest else lead
        statements.append(statement if _SENTENCE_END.search(statement) else f"{statement}.")
    return statements


def _note_in_first_cell(row: Sequence[str]) -> bool:
    """A row of one sentence in its first cell and nothing beside it: a note across the table whose span an
    extractor filled with empty cells ("Andere Länder beliefern wir nicht.")."""
    return len(row) > NOTE_COLUMNS and not any(row[1:]) and len(row[0].split()) >= NOTE_WORDS


def merged_header(rows: Sequence[Sequence[str]]) -> list[str]:
    """One header of several header rows, per column its names from the top down, each said once: "Lieferland"
    spanning two rows is "Lieferland", "Versandkosten" over "Standard" is "Versandkosten Standard", and a group that
    names only a unit ("Körpermaße in cm") gives it to each column below ("Brustumfang (cm)")."""
    width = max((len(row) for row in rows), default=0)
    header = []
    for column in range(width):
        names: list[str] = []
        for row in rows:
            name = row[column].strip() if column < len(row) else ""
            if name and name not in names:
                names.append(name)
        merged = names[-1] if names else ""
        for group in reversed(names[:-1]):
            merged = with_unit(merged, group) if _name_and_unit(group)[1] else f"{group} {merged}"
        header.append(merged)
    return header


def with_unit(header: str, named_by: str) -> str:
    """``header`` with the unit that ``named_by`` names in brackets or after "in", unless it names one itself:
    "Brustumfang" under "Körpermaß (cm)" is "Brustumfang (cm)"."""
    unit = _name_and_unit(named_by)[1]
    return f"{header} ({unit})" if unit and not _name_and_unit(header)[1] else header


def _name_and_unit(header: str) -> tuple[str, str]:
    match = _BRACKETED_UNIT.match(header) or _NAMED_UNIT.match(header)
    return (match.group(1).strip(), match.group(2)) if match else (header, "")


def _pair(column: tuple[str, str], value: str) -> str:
    name, unit = column
    unit = _NOMINATIVE.get(unit.lower(), unit)  # "Alter in Jahren": "Alter 4 Jahre"
    if unit and not value.lower().endswith(unit.lower()):
        value = f"{value} {unit}"
    return f"{name} {value}" if name else value
