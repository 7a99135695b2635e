"""Tables drawn with characters (Pandoc's grid and simple tables, as ``pandoc -t markdown`` and many wikis and
README generators write them) rewritten as the pipe tables the Markdown parser reads. Read as Markdown they were
paragraphs of ``+----+`` rules and bars, or a thematic break between runs of words, and an answer quoted them.

Grid table::

    +-------+-----------+        a cell may run over several lines: its lines are joined; where every line
    | Größe | Oberweite |        between two rules fills its first cell, each line is a row
    +=======+===========+        the rule of "=" closes the header (without one, no row is a header)
    | 32    | 78–81     |
    +-------+-----------+

Simple table: a header line, a rule of dash runs (one per column, spaces between), the rows up to a blank line;
each column reaches from its dash run's start to the next one's.
"""

from __future__ import annotations

import re
from itertools import pairwise

_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DASH_RUNS = re.compile(r"^\s*-{2,}(?:[ \t]+-{2,})+\s*$")


def pipe_tables(text: str) -> str:
    """``text`` with its grid and simple tables as pipe tables; everything else as it was."""
    lines = text.split("\n")
    out: list[str] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        if _GRID_RULE.match(line):
            end = number + 1
            while end < len(lines) and (_GRID_RULE.match(lines[end]) or _GRID_ROW.match(lines[end])):
                end += 1
            table = _grid(lines[number:end])
            if table:
                out.extend(["", *table, ""])
                number = end
                continue
        elif _DASH_RUNS.match(line) and number and lines[number - 1].strip() and out:
            end = number + 1
            while end < len(lines) and lines[end].strip() and not _DASH_RUNS.match(lines[end]):
                end += 1
            table = _simple(lines[number - 1], line, lines[number + 1 : end])
            if table:
                out[-1:] = ["", *table, ""]
                number = end + (end < len(lines) and bool(_DASH_RUNS.match(lines[end])))
                continue
        out.append(line)
        number += 1
    return "\n".join(out)


def _grid(lines: list[str]) -> list[str]:
    """The pipe table of a grid table's lines (the first a rule), or nothing when they are no table."""
    rule = lines[0].strip()
    bounds = [position for position, char in enumerate(rule) if char == "+"]
    if len(bounds) < 2:
        return []
    indent = len(lines[0]) - len(lines[0].lstrip())
    rows: list[list[str]] = []
    header_rows = 0
    current: list[list[str]] = []  # the cells of each line since the last rule
    for line in lines[1:]:
        if _GRID_RULE.match(line):
            rows.extend(_rows_between_rules(current))
            current = []
            if "=" in line:
                header_rows = len(rows)
            continue
        body = line[indent:]
        current.append([body[start + 1 : end].strip() for start, end in pairwise(bounds)])
    if current or not rows:
        return []  # a row not closed by a rule: no grid table
    header = [" ".join(filter(None, column)) for column in zip(*rows[:header_rows], strict=True)] if header_rows else []
    return _pipe(header or [""] * len(rows[0]), rows[header_rows:])


def _rows_between_rules(lines: list[list[str]]) -> list[list[str]]:
    """The rows that lines between two rules hold: one row whose cells run over the lines, or, where every line
    fills its first cell, a row per line (exports draw rules only around the header and the body: "|  S  | 88–95
    cm |" / "|  M  | 96–103 cm |")."""
    if len(lines) > 1 and all(cells[0] for cells in lines):
        return lines
    return [[" ".join(part for part in column if part) for column in zip(*lines, strict=True)]] if lines else []


def _simple(header_line: str, rule: str, rows: list[str]) -> list[str]:
    """The pipe table of a simple table, or nothing when a row has text where the rule has no column."""
    runs = [match.start() for match in re.finditer(r"-{2,}", rule)]
    if not rows:
        return []

    def cells(line: str) -> list[str]:
        return [line[start:end].strip() for start, end in zip(runs, [*runs[1:], None], strict=True)]

    if any(line[: runs[0]].strip() for line in [header_line, *rows]):
        return []  # text left of the first column: not a table
    return _pipe(cells(header_line), [cells(line) for line in rows])


def _pipe(header: list[str], rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return [line(header), "|" + "---|" * len(header), *(line(row) for row in rows)]
