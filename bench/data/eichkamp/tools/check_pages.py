#!/usr/bin/env python3
"""Check dialogues.json against the pages of knowledge/ (needs pypdf and python-docx for the PDF and the DOCX).

- every `source` is a single key, and it occurs in exactly one page's file name and title (umlauts folded, as the
  runner compares), and in no other page's file name or title;
- every `must` of a turn with a `source` matches the text of that page (as extracted: PDF text with pypdf, DOCX
  paragraphs, tables, nested tables, header and footer with python-docx, HTML without tags and with entities
  resolved), either as it stands or with whitespace runs folded to one space;
- no page holds a spot that `must_not_all` would flag when a reply quoted it verbatim (the sentence-fragment rule
  and the "A:"/"F:" label rule), so that a reply quoting a page is not failed for the page's own wording.

    python3 tools/check_pages.py        # the libraries come from .pylib/ when they are not installed
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".pylib"))

from docx import Document  # noqa: E402
from pypdf import PdfReader  # noqa: E402

KNOWLEDGE = ROOT / "knowledge"
_HERE = Path(__file__).resolve()
RUN_PY_CANDIDATES = [
    *([_HERE.parents[5] / "shared" / "eval" / "dialogues" / "run.py"] if len(_HERE.parents) > 5 else []),
    Path("/work/shared/eval/dialogues/run.py"),
]


def load_runner():
    for path in RUN_PY_CANDIDATES:
        if path.is_file():
            spec = importlib.util.spec_from_file_location("shared_run", path)
            module = importlib.util.module_from_spec(spec)
            sys.modules["shared_run"] = module  # dataclasses look the module up while the file runs
            spec.loader.exec_module(module)
            return module
    raise SystemExit("shared run.py not found in: " + ", ".join(map(str, RUN_PY_CANDIDATES)))


def docx_tables(tables) -> list[str]:
    """The text of tables, row by row, nested tables included."""
    parts: list[str] = []
    for table in tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                cells.append(cell.text)
                parts += docx_tables(cell.tables)
            parts.append(" | ".join(cells))
    return parts


def page_text(path: Path) -> tuple[str, str]:
    """(title, text) of one page."""
    if path.suffix == ".pdf":
        reader = PdfReader(str(path))
        return str(reader.metadata.title), "\n".join(page.extract_text() for page in reader.pages)
    if path.suffix == ".docx":
        document = Document(str(path))
        parts = [p.text for p in document.paragraphs] + docx_tables(document.tables)
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        return document.core_properties.title, "\n".join(parts)
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        title = re.search(r"<title>(.*?)</title>", raw, re.S).group(1).strip()
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
        body = re.sub(r"<[^>]+>", " ", body)
        return html.unescape(title), re.sub(r"[ \t]+", " ", html.unescape(body))
    if path.suffix == ".md":
        match = (
            re.search(r"\A---\n.*?^title:\s*\"?(.+?)\"?\s*$", raw, re.M | re.S)
            or re.search(r"^# (.+)$", raw, re.M)
            or re.search(r"^(.+)\n=+\s*$", raw, re.M)
        )
        return match.group(1).strip(), raw
    return raw.splitlines()[0], raw


def main() -> int:
    run = load_runner()
    corpus = json.loads((ROOT / "dialogues.json").read_text(encoding="utf-8"))
    pages = {path.name: page_text(path) for path in sorted(KNOWLEDGE.iterdir()) if path.is_file()}
    problems: list[str] = []

    # source keys: one string each, naming exactly one page
    keys: set[str] = set()
    for dialogue in corpus["dialogues"]:
        for number, turn in enumerate(dialogue["turns"], 1):
            source = turn.get("source")
            if source is None:
                continue
            if not isinstance(source, str):
                problems.append(f"{dialogue['id']} turn {number}: source {source!r} is not a single page key")
                continue
            keys.add(source)
    owner: dict[str, str] = {}
    for key in sorted(keys):
        both = [
            n for n, (title, _) in pages.items() if run.fold(key) in run.fold(n) and run.fold(key) in run.fold(title)
        ]
        either = [n for n, (title, _) in pages.items() if run.fold(key) in run.fold(f"{n} {title}")]
        if len(both) != 1 or len(either) != 1:
            problems.append(f"source key {key!r}: in name and title of {both}, in name or title of {either}")
        else:
            owner[key] = both[0]
    unused = sorted(set(pages) - set(owner.values()))
    print(f"{len(pages)} pages; source keys: " + ", ".join(f"{k}={v}" for k, v in sorted(owner.items())))
    if unused:
        print("pages no turn names: " + ", ".join(unused))

    # every must of a knowledge turn on its page
    checked = 0
    for dialogue in corpus["dialogues"]:
        for number, turn in enumerate(dialogue["turns"], 1):
            source = turn.get("source")
            if not isinstance(source, str) or source not in owner:
                continue
            text = pages[owner[source]][1]
            flat = re.sub(r"\s+", " ", text)
            for pattern in turn.get("must", []):
                checked += 1
                if not (re.search(pattern, text, run.FLAGS) or re.search(pattern, flat, run.FLAGS)):
                    problems.append(f"{dialogue['id']} turn {number}: /{pattern}/ not on {owner[source]}")
    print(f"{checked} must patterns checked against their pages")

    # spots a verbatim quote would be failed for
    fragment, labels = corpus["must_not_all"][9], corpus["must_not_all"][8]
    for name, (_, text) in pages.items():
        flat = re.sub(r"\s+", " ", text)
        for rule, label in ((fragment, "sentence-fragment"), (labels, "label")):
            for found in re.finditer(rule, flat, run.FLAGS):
                problems.append(f"{name}: {label} rule matches {flat[max(0, found.start() - 30) : found.end() + 10]!r}")

    for problem in problems:
        print("PROBLEM", problem)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
