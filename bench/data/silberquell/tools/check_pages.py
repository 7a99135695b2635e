#!/usr/bin/env python3
"""Check dialogues.json against the pages of knowledge/ (needs pypdf and python-docx for the PDF and the DOCX).

- every `source` key occurs in exactly one page's file name and title (umlauts folded, as the runner compares),
  and in the name or title of no other page;
- every `must` of a turn with a `source` matches the text of the page that key names (HTML as a browser shows it:
  tags removed, inline runs joined, blocks on their own lines; Markdown as written and without `**`/`<br>`; the
  PDF and the DOCX as pypdf and python-docx extract them, the DOCX with its tables, header and footer), except
  the turns listed in COMPUTED;
- no page holds a spot that `must_not_all` would flag when a reply quoted it verbatim (the sentence-fragment rule
  and the "A:"/"F:" label rule).

    python3 tools/check_pages.py      # pypdf and python-docx from .pylib/ when it is there
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
if (ROOT / ".pylib").is_dir():
    sys.path.insert(0, str(ROOT / ".pylib"))

from docx import Document  # noqa: E402
from pypdf import PdfReader  # noqa: E402

# (dialogue id, turn number): why its `must` is not on the page verbatim. Every computed answer of this corpus
# still quotes a value that stands on the page (the size, the deadline, the percentage), so the list is empty;
# the computed turns are named in their `note`.
COMPUTED: dict[tuple[str, int], str] = {}


def run_py() -> Path:
    """The shared runner: beside a checkout's bench/data/<brand>/tools (parents[5]), else under /work/shared."""
    candidates = []
    with contextlib.suppress(IndexError):
        candidates.append(Path(__file__).resolve().parents[5] / "shared" / "eval" / "dialogues" / "run.py")
    candidates.append(Path("/work/shared/eval/dialogues/run.py"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("cannot find shared/eval/dialogues/run.py (tried: " + ", ".join(map(str, candidates)) + ")")


def load_runner():
    spec = importlib.util.spec_from_file_location("shared_run", run_py())
    module = importlib.util.module_from_spec(spec)
    sys.modules["shared_run"] = module  # dataclasses look the module up while the file runs
    spec.loader.exec_module(module)
    return module


BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "br",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "figure",
    "figcaption",
    "details",
    "summary",
    "table",
    "ul",
    "ol",
    "main",
    "button",
}


class Visible(HTMLParser):
    """The text a browser shows: no <head>, <script>, <style>; block elements on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(raw: str) -> str:
    parser = Visible()
    parser.feed(raw)
    text = "".join(parser.parts).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\n\s*\n+", "\n", re.sub(r"[ \t]+", " ", text))


def page_text(path: Path) -> tuple[str, str]:
    """(title, text) of one page."""
    if path.suffix == ".pdf":
        reader = PdfReader(str(path))
        return str(reader.metadata.title), "\n".join(page.extract_text() for page in reader.pages)
    if path.suffix == ".docx":
        document = Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" | ".join(cell.text for cell in row.cells))
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        return document.core_properties.title, "\n".join(parts)
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        title = html.unescape(re.search(r"<title>(.*?)</title>", raw, re.DOTALL).group(1))
        return title, html_text(raw)
    if path.suffix == ".md":
        match = re.search(r"^title:\s*\"?(.+?)\"?$", raw, re.MULTILINE) or re.search(r"^# (.+)$", raw, re.MULTILINE)
        clean = raw.replace("**", "").replace("<br>", "\n")
        return match.group(1).strip(), raw + "\n" + clean
    return raw.splitlines()[0], raw


def main() -> int:
    run = load_runner()
    corpus = json.loads((ROOT / "dialogues.json").read_text(encoding="utf-8"))
    pages = {path.name: page_text(path) for path in sorted(KNOWLEDGE.iterdir()) if path.is_file()}
    problems: list[str] = []

    # source keys: exactly one page each
    keys: set[str] = set()
    for dialogue in corpus["dialogues"]:
        for turn in dialogue["turns"]:
            source = turn.get("source")
            if source is not None and not isinstance(source, str):
                problems.append(f"{dialogue['id']}: source {source!r} names more than one page")
                continue
            if source:
                keys.add(source)
    owner: dict[str, str] = {}
    for key in sorted(keys):
        both = [
            name
            for name, (title, _) in pages.items()
            if run.fold(key) in run.fold(name) and run.fold(key) in run.fold(title)
        ]
        either = [name for name, (title, _) in pages.items() if run.fold(key) in run.fold(f"{name} {title}")]
        if len(both) != 1 or len(either) != 1:
            problems.append(f"source key {key!r}: in name and title of {both}, in name or title of {either}")
        else:
            owner[key] = both[0]
    print(f"{len(pages)} pages; {len(owner)} source keys:")
    for key, name in sorted(owner.items()):
        print(f"  {key:<16} {name:<42} {pages[name][0]}")
    unused = sorted(set(pages) - set(owner.values()))
    if unused:
        print("pages no turn names as source:", ", ".join(unused))

    # every must of a knowledge turn on its page
    checked = 0
    for dialogue in corpus["dialogues"]:
        for number, turn in enumerate(dialogue["turns"], 1):
            source = turn.get("source")
            if not isinstance(source, str) or source not in owner or (dialogue["id"], number) in COMPUTED:
                continue
            text = pages[owner[source]][1]
            flat = re.sub(r"\s+", " ", text)
            for pattern in turn.get("must", []):
                checked += 1
                if not (re.search(pattern, text, run.FLAGS) or re.search(pattern, flat, run.FLAGS)):
                    problems.append(f"{dialogue['id']} turn {number}: /{pattern}/ not on {owner[source]}")
    print(f"{checked} must patterns checked against their pages")

    # spots a verbatim quote would be failed for
    labels, fragment = corpus["must_not_all"][8], corpus["must_not_all"][9]
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
