"""Look a value up in a table of the knowledge: "Ich habe 95 cm Brustumfang. Welche Größe brauche ich?"

The loaders turn each table row into a statement that keeps its column headers (``knowledge/blocks.py``):
"Größe 42: Brustumfang 94–97 cm, Taille 78–81 cm, Hüfte 103–106 cm." A question names a column and a number
("95 cm Brustumfang": the row whose Brustumfang range holds 95) or a row ("Herrengröße 54", "Kurzgröße": the row
whose first cell is 54 or Kurz). The answer is that row, not the whole table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from heine_ai.glossary import translated_terms
from heine_ai.providers.llm.questions import LACKING
from heine_ai.text import fold

# "Größe 42: Brustumfang 94–97 cm, ..."; a table whose first column has no header: "M: Handumfang 20–21 cm, ..."
_ROW = re.compile(r"^(?:(?P<key>[^:,]{1,60}?)\s+)?(?P<cell>[^:\s][^:]{0,40}):\s+(?P<pairs>.+?)\.?$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:–|-|—|bis|to)\s*(\d+(?:[.,]\d+)?)")
_SINGLE = re.compile(r"(?<![\d.,–-])(\d+(?:[.,]\d+)?)(?![\d.,]|[^\W\d_]|\s*(?:–|-|—|bis)\s*\d)")  # not "3XL"
# where a cell's value starts: a figure, or a word that bounds one ("ab 79 €")
_VALUE = re.compile(r"\s+(?=(?:(?:ab|bis|ca\.|je|von|unter|über|from|up to)\s+)?[\d–-])")
# a cell that opens with a yes or no, behind its header of words: "Österreich ja – zahlbar in 10 Tagen"
_MARKED_CELL = re.compile(r"^(?P<head>[^\W\d_][^\d✓✔✗✘–—]*?)\s+(?P<value>(?:ja|nein|yes|no|[✓✔✗✘–—-])(?:\s.*)?)$", re.I)
# a column of upper bounds: the row is the first whose bound reaches the measure ("max. Fußlänge 26,8 cm")
_UPPER_BOUND = re.compile(r"^(?:max\.?|maximal\w*|höchstens|bis|up to)\s", re.IGNORECASE)
MEASURE_WORDS = 4  # the most words of a measure in a row without a first header ("20–21 cm", "ab 79 €")
NEAR = 2  # a number belongs to a column's word at most this many words away ("Brust 97 cm", "101 cm Hüfte")
# a measure with its unit in a question: "9 Monaten", "2 Jahre", "113 cm"
_WITH_UNIT = re.compile(
    r"(\d+(?:[.,]\d+)?)\s?(cm|zentimeter|centimet(?:er|re)s?|mm|kg|monat\w*|jahr\w*|woche\w*|months?|years?)\b",
    re.IGNORECASE,
)
_UNIT_IN_CELL = re.compile(r"\b(?:cm|mm|kg|monat|jahr|woche|month|year)")
# a cell that only marks yes or no: "✓", "–"
_LACKED = re.compile(rf"{LACKING}[^\W\d_][\w-]*", re.IGNORECASE)
_MARK = re.compile(r"(?P<yes>[✓✔☑]|ja|yes)|(?P<no>[✗✘–—-]|nein|no)", re.IGNORECASE)
MIN_UNIT = 4  # letters of a unit that find it in a cell ("monat" in "Monate", "jahr" in "Jahre"; "cm" whole)
MIN_WORD = 4  # a header meets a question word when one begins with the other's first this many letters


@dataclass(frozen=True, slots=True)
class Row:
    sentence: str
    header: str  # the first column's header ("Größe")
    cell: str  # the first column's cell ("42")
    values: tuple[tuple[str, str], ...]  # the other columns: (header, cell)


def parse_row(sentence: str) -> Row | None:
    """A row statement as the loaders write it, or None for any other sentence."""
    match = _ROW.match(sentence.strip())
    if match is None:
        return None
    pairs = [pair.strip() for pair in match.group("pairs").split(", ")]
    values = []
    for pair in pairs:
        head, value = _header_and_value(pair)
        if not value:
            return None
        values.append((head, value))
    if match.group("key") is None and not all(
        _NUMBER.search(value) and len(value.split()) <= MEASURE_WORDS for _, value in values
    ):
        # without a first header only measures make a row: "Zugestellt: Das Paket wurde ..." is none, nor is
        # "Denmark: you receive a GLS return label; we deduct €6.90 from your refund."
        return None
    return Row(sentence.strip(), (match.group("key") or "").strip(), match.group("cell").strip(), tuple(values))


def _header_and_value(pair: str) -> tuple[str, str]:
    """A column's header and its cell: the words before a yes or no that opens the cell ("Deutschland ja – zahlbar
    in 10 Tagen"), else the words before the first figure ("max. Fußlänge 26,8 cm", "US Damen 10", "Versandkostenfrei
    ab 79 €"), else the first word ("Versand mit DHL")."""
    marked = _MARKED_CELL.match(pair)
    if marked is not None:
        return marked.group("head"), marked.group("value")
    found = _VALUE.search(pair)
    if found is not None:
        return pair[: found.start()], pair[found.end() :]
    head, _, value = pair.partition(" ")
    return head, value


def tables_of(sentences: list[str]) -> list[list[Row]]:
    """The row statements among the sentences, grouped by table: rows with the same headers, at least two. A row
    that lacks some columns of another with the same first header (a cell without a value) is of its table."""
    tables: dict[tuple[str, tuple[str, ...]], list[Row]] = {}
    for row in map(parse_row, sentences):
        if row is not None:
            tables.setdefault((row.header, tuple(h for h, _ in row.values)), []).append(row)
    for key in sorted(tables, key=lambda key: len(key[1])):  # the fewest columns first, into a wider table
        wider = [
            other
            for other in tables
            if other != key and other[0] == key[0] and len(other[1]) > len(key[1]) and set(key[1]) <= set(other[1])
        ]
        if len(wider) == 1:
            tables[wider[0]] = sorted(
                [*tables.pop(key), *tables[wider[0]]], key=lambda row: sentences.index(row.sentence)
            )
    return [rows for rows in tables.values() if len(rows) >= 2]


def _columns(rows: list[Row]) -> list[str]:
    """The headers of a table's columns after the first, in the order of its widest row."""
    return [header for header, _ in max((row.values for row in rows), key=len)]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", fold(text))


def _names(text: str, header: str) -> bool:
    """Whether ``text`` names the column ``header``: "Brustumfang" in "95 cm Brustumfang", "Größe" inside
    "Damengröße", "Hüfte" for "Hüftumfang", "Bundweite" for "Bundumfang"."""
    heads = [head for head in _words(header) if len(head) >= MIN_WORD] or [fold(header)]
    for word in _words(text):
        if word in heads:  # a short header only as it is: "UK 9"
            return True
        if len(word) < MIN_WORD:
            continue
        for head in heads:
            stem = head[: max(MIN_WORD, len(head) - 3)]
            if word.startswith(stem) or head.startswith(word[: max(MIN_WORD, len(word) - 2)]) or word.endswith(head):
                return True
            if _girth(word) is not None and _girth(word) == _girth(head):
                return True
    return False


_GIRTH = re.compile(r"^(?P<part>[^\W\d_]{4,}?)(?:en)?(?:umfang|weite)$")  # "Bundweite", "Taillenumfang"


def _girth(word: str) -> str | None:
    """The body part a girth measure's word names: "bund" of "Bundweite" and "Bundumfang"; None for others."""
    found = _GIRTH.match(word)
    return found.group("part") if found else None


# a word that says which measure a number is: a number beside one is no measure of any column ("bundweite 95"
# is no Brustumfang of 88–95 cm)
_MEASURE_WORD = re.compile(
    r"(?:umfang|weite|länge|laenge|breite|brust|taille|hüfte|huefte|bund|schritt|chest|waist|hips?|inseam)$"
)


def _naming(question: str, header: str) -> int:
    """How plainly the question names a column: 2 by its very word ("Schlafsacklänge"), 1 by a word of its family
    ("groß" and "Größe"), else 0."""
    if {word for word in _words(header) if len(word) >= MIN_WORD} & set(_words(question)):
        return 2
    return int(_names(question, header))


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _holds(cell: str, value: float) -> bool:
    """Whether a cell ("94–97", "39/40", "74 cm") holds the value."""
    for low, high in _RANGE.findall(cell):
        if _number(low) <= value <= _number(high):
            return True
    return any(_number(found) == value for found in _SINGLE.findall(cell.replace("/", " ")))


def lookup(question: str, sentences: list[str], *, usual: bool = False) -> str | None:
    """The row statement that answers ``question``, when the sentences hold a table and the question picks one
    row of it; None when no row or more than one fits. ``usual``: the question names nothing the pages do not
    know, so rows it names equally ("nach Österreich": Standard and Speditionsware) mean the table's first, its
    usual case; "ein Sofa nach Österreich" names a thing no page lists, which may be the exception."""
    found = [(row, rows) for rows in tables_of(sentences) if (row := _row_in(question, rows, usual)) is not None]
    if len(found) <= 1:
        return found[0][0] if found else None
    # "113 cm groß, welche Größe passt?" holds a row of the sizes and one of the sleeping bags' lengths: the table
    # whose columns the question names more
    named = [(sum(_naming(question, header) for header in _headers(rows)), row) for row, rows in found]
    most = max(count for count, _ in named)
    winners = [row for count, row in named if count == most]
    return winners[0] if len(winners) == 1 else None


def _headers(rows: list[Row]) -> list[str]:
    return [rows[0].header, *_columns(rows)]


def _row_in(question: str, rows: list[Row], usual: bool) -> str | None:
    numbers = [_number(n) for n in _NUMBER.findall(question)]
    across = _in_other_language(question)
    named = [header for header in _columns(rows) if _names(question, header) or _names(across, header)]
    by_key = [row for row in rows if _key_named(question, row, numbers)]
    if len(by_key) == 1:
        return by_key[0].sentence
    measured = _measures(question, named)
    if measured:
        # "Brust 97 cm, Taille 81 cm, Hüfte 105 cm": the row that holds most of the measures, each in its column
        held = [(sum(_holds(dict(row.values).get(h, ""), n) for h, n in measured), row) for row in rows]
        best = max(count for count, _ in held)
        winners = [row for count, row in held if count == best]
        if best and len(winners) == 1:
            return winners[0].sentence
        if best and len(winners) == 2 and len(measured) > 1:
            # "Oberweite 92, Taille 77": each measure in a row of its own, two sizes; both rows, the customer
            # (or the page's rule beside the table) picks: one of them alone would be a guess
            return " ".join(row.sentence for row in winners)
    # a number the question ties to a measure ("bundweite 95") is that measure's only: not one of this table's
    # other columns, nor of one the question names elsewhere ("welche größe": "Größen 82 bis 126")
    tied = _measure_named(question)
    elsewhere = not named and tied
    measures = [] if elsewhere else _measures_with_unit(question)
    if (by_unit := _by_measure_with_unit(measures, rows)) is not None:
        return by_unit.sentence
    units = dict(measures)  # a number given with its unit is held by a cell of that unit, or of none

    def holds_in(head: str, cell: str, value: float) -> bool:
        unit = units.get(value)
        text = fold(f"{head} {cell}")
        return _holds(cell, value) and (unit is None or unit in text or not _UNIT_IN_CELL.search(text))

    if numbers:
        # the columns the question names; else any column ("125 cm groß" is the Körpergröße's range 123–128)
        columns = [header for header, _ in measured] if tied else (named or _columns(rows))
        hits = [
            row for row in rows if any(holds_in(h, dict(row.values).get(h, ""), n) for h in columns for n in numbers)
        ]
        if not hits and (not named or _names(question, rows[0].header)):
            # a measure in the first column's ranges: "Fuß 16 cm lang" and "Fußlänge 15,8–16,4 cm: EU-Größe 26"
            hits = [row for row in rows if any(holds_in(row.header, row.cell, n) for n in numbers)]
        if not hits and len(numbers) == 1:
            hits = _first_within_bound(rows, columns, numbers[0])
        if len(hits) == 1:
            return hits[0].sentence
    by_words = _by_cell_words(question, by_key or rows, usual)
    return by_words.sentence if by_words is not None else None


@lru_cache(maxsize=256)
def _in_other_language(question: str) -> str:
    """The question's glossary terms in both languages: a column named in the other language counts ("84 cm
    taille" names an English chart's "Waist"). Cached: every table of every passage asks it of one question."""
    return " ".join([*translated_terms(question, "en"), *translated_terms(question, "de")])


def _measure_named(question: str) -> bool:
    """Whether a number of the question stands next to a word that names a measure ("bundweite 95")."""
    tokens = re.findall(r"\d+(?:[.,]\d+)?|[^\W\d_]+", fold(question))
    return any(
        _MEASURE_WORD.search(word)
        for position, token in enumerate(tokens)
        if _NUMBER.fullmatch(token)
        for word in tokens[max(0, position - NEAR) : position] + tokens[position + 1 : position + 1 + NEAR]
    )


def _measures_with_unit(question: str) -> list[tuple[float, str]]:
    """The question's numbers with their units, a unit as the cells write it ("zentimeter" as "cm")."""
    return [(_number(number), _unit(unit)) for number, unit in _WITH_UNIT.findall(question)]


def _unit(word: str) -> str:
    folded = word.casefold()
    return "cm" if folded.startswith(("zentim", "centim")) else folded[:MIN_UNIT]


def _cells(row: Row) -> list[tuple[str, str]]:
    return [(row.header, row.cell), *row.values]


def _by_measure_with_unit(measures: list[tuple[float, str]], rows: list[Row]) -> Row | None:
    """The one row with a cell that holds a measure the question gives with its unit, in that unit: "ein Baby
    mit 9 Monaten" and "Alter 9–11 Monate", "2 Jahre" and "Alter 2 Jahre", "113 cm groß" and "Körpergröße
    111–116 cm". None when no row or several hold most of the measures (95 cm is a Brustumfang of one size and a
    Hüfte of another: which column is meant is for the question's words to say)."""
    if not measures:
        return None

    def holds(row: Row, value: float, unit: str) -> bool:
        return any(unit in fold(f"{head} {cell}") and _holds(cell, value) for head, cell in _cells(row))

    counts = [(sum(holds(row, value, unit) for value, unit in measures), row) for row in rows]
    best = max(count for count, _ in counts)
    winners = [row for count, row in counts if count == best]
    return winners[0] if best and len(winners) == 1 else None


def marked_cell(question: str, sentences: list[str], *, whole_row: bool = False) -> tuple[str, bool] | None:
    """A yes or no that a table of marks gives the question, and the statement saying it: "Kann ich aus
    Luxemburg auf Rechnung bestellen?" and the row "Zahlungsart Kauf auf Rechnung: Deutschland ✓, Luxemburg –"
    give "Kauf auf Rechnung ist für Luxemburg nicht möglich." and no. None unless the question names one row by
    its words and one of its marked columns by its very name; with ``whole_row``, a question that names no column
    ("Nehmt ihr Google Pay?") gets the row's marks where they all agree ("Google Pay ist für Deutschland,
    Österreich und Südtirol möglich.")."""
    question = _LACKED.sub(" ", question)  # "hab keine Kreditkarte" names no row the customer asks about
    found, agreeing = [], []
    for rows in tables_of(sentences):
        row = _by_cell_words(question, rows, usual=False)
        if row is None:
            continue
        marks = [
            (header, mark.group("yes") is not None)
            for header, value in row.values
            if (mark := _MARK.fullmatch(value.strip())) is not None
        ]
        named = [(header, yes) for header, yes in marks if _naming(question, header) == 2]
        found += [(row, header, yes) for header, yes in named]
        if not named and marks and len({yes for _, yes in marks}) == 1:
            # one column of marks ("Bei Ostwind: nein") says it for the shop, several for each of them
            where = _listed([header for header, _ in marks]) if len(marks) > 1 else ""
            agreeing.append((row, where, marks[0][1]))
    if len(found) == 1:
        row, header, yes = found[0]
    elif not found and whole_row and len(agreeing) == 1:
        row, header, yes = agreeing[0]
    else:
        return None
    said = "möglich" if yes else "nicht möglich"
    return (f"{row.cell} ist für {header} {said}." if header else f"{row.cell} ist {said}."), yes


def _listed(names: list[str]) -> str:
    return f"{', '.join(names[:-1])} und {names[-1]}" if len(names) > 1 else names[0]


def _first_within_bound(rows: list[Row], columns: list[str], value: float) -> list[Row]:
    """The row of the smallest upper bound that reaches ``value``, in the one column of upper bounds among
    ``columns`` ("max. Fußlänge": 26,5 cm is the size whose maximum is 26,8 cm). A value more than a row's step
    below the smallest bound is none of the table's ("ein Loch, so 3 cm" and the shoe sizes)."""
    bounded = [header for header in columns if _UPPER_BOUND.match(header)]
    if len(bounded) != 1:
        return []
    bounds = sorted(
        (bound, position)
        for position, row in enumerate(rows)
        for bound in map(_number, _NUMBER.findall(dict(row.values).get(bounded[0], "")))
    )
    if len(bounds) < 2 or value < bounds[0][0] - (bounds[1][0] - bounds[0][0]):
        return []
    reaching = [position for bound, position in bounds if bound >= value]
    return [rows[reaching[0]]] if reaching else []


def _by_cell_words(question: str, rows: list[Row], usual: bool) -> Row | None:
    """The one row whose first cell shares the most words with the question ("nach Luxemburg" and "Luxemburg
    Standard (GLS)"); None when no row shares a word. Rows that share the same words ("nach Österreich" and the
    rows "Österreich Standard (GLS)" and "Österreich Speditionsware") leave the case unnamed: with ``usual`` the
    table's first of them, its usual case. Rows sharing different words ("Express nach Österreich" and the rows
    "Österreich Standard" and "Deutschland Express") are no answer."""
    asked = set(_words(question))
    shared = [(frozenset(w for w in _words(row.cell) if len(w) >= MIN_WORD and w in asked), row) for row in rows]
    best = max((len(words) for words, _ in shared), default=0)
    winners = [(words, row) for words, row in shared if len(words) == best]
    if not best or len({words for words, _ in winners}) > 1 or (len(winners) > 1 and not usual):
        return None
    return winners[0][1]


def _measures(question: str, columns: list[str]) -> list[tuple[str, float]]:
    """The numbers the question gives for named columns, each next to its column's word: "Brust 97 cm",
    "101 cm Hüftumfang" (at most ``NEAR`` words apart, a unit between them)."""
    found = []
    for sentence in re.split(r"[.!?;:,–—]\s+", question):  # "zwischen 40 und 42. Welche Größe": not "Größe 42"
        tokens = re.findall(r"\d+(?:[.,]\d+)?|[^\W\d_]+", sentence)
        for position, token in enumerate(tokens):
            if not _NUMBER.fullmatch(token):
                continue
            near = tokens[max(0, position - NEAR) : position] + tokens[position + 1 : position + 1 + NEAR]
            for column in columns:
                if any(_names(word, column) for word in near):
                    found.append((column, _number(token)))
    return found


def _key_named(question: str, row: Row, numbers: list[float]) -> bool:
    """Whether the question names the row by its first cell: "Größe 54" (a number beside the first header) or a
    word cell such as "Kurz" inside "Kurzgröße". "Der Rock in 42 ist zu weit. Welche Größe ...?" names no row."""
    cell = fold(row.cell)
    if _NUMBER.fullmatch(cell):
        return _number(cell) in numbers and (row.header, _number(cell)) in _measures(question, [row.header])
    return any(word.startswith(cell) for word in _words(question) if len(cell) >= MIN_WORD - 1)
