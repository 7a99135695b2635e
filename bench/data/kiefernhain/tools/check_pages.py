#!/usr/bin/env python3
"""Check dialogues.json against the pages of knowledge/ (needs pypdf and python-docx for the PDF and the DOCX).

- every `source` key occurs in exactly one page's file name and title (umlauts folded, as the runner compares);
- every `must` of a turn with a `source` matches the text of the pages the turn names, except the computed
  answers and English wordings listed in EXEMPT;
- no page holds a spot that `must_not_all` would flag when quoted verbatim (the sentence-fragment rule, the
  "A:"/"F:" label rule), so that a reply quoting a page is not failed for the page's own wording.

The DOCX text includes the text boxes (w:txbxContent), the header and the footer; the PDF text is pypdf's.

    python3 tools/check_pages.py      # pypdf and python-docx from ../.pylib or the environment
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
sys.path.insert(0, str(ROOT / ".pylib"))

from docx import Document  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from pypdf import PdfReader  # noqa: E402


def runner_path() -> Path:
    """The shared runner: /work/shared/eval/dialogues/run.py, or five levels up as the bench/data corpora reach it."""
    here = Path(__file__).resolve()
    candidates = [Path("/work/shared/eval/dialogues/run.py")]
    if len(here.parents) > 5:
        candidates.append(here.parents[5] / "shared" / "eval" / "dialogues" / "run.py")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("shared run.py not found in " + ", ".join(map(str, candidates)))


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# (dialogue id, turn number) -> {index of the must pattern: why it is not on the page verbatim}
EXEMPT = {
    ("tl-01", 2): {0: "computed: 2 x 49 cm = 98 cm (the page says to double the Achselweite)"},
    ("xl-01", 1): {1: "English negation ('not', 'unfortunately'); the page says 'leider nicht'"},
}


def load_runner():
    spec = importlib.util.spec_from_file_location("shared_run", runner_path())
    module = importlib.util.module_from_spec(spec)
    sys.modules["shared_run"] = module  # dataclasses look the module up while the file runs
    spec.loader.exec_module(module)
    return module


def page_text(path: Path) -> tuple[str, str]:
    """(title, text) of one page."""
    if path.suffix == ".pdf":
        reader = PdfReader(str(path))
        text = "\n".join(page.extract_text() for page in reader.pages)
        return str(reader.metadata.title), text
    if path.suffix == ".docx":
        document = Document(str(path))
        parts = []
        for paragraph in document.element.body.iter(qn("w:p")):
            if paragraph.getparent().tag == qn("w:txbxContent") and any(
                a.tag == MC_FALLBACK for a in paragraph.iterancestors()
            ):
                continue  # the VML fallback repeats the DrawingML text box
            parts.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        return document.core_properties.title, "\n".join(parts)
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        title = re.search(r"<title>(.*?)</title>", raw, re.DOTALL).group(1)
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
        body = re.sub(r"<[^>]+>", " ", body)
        return html.unescape(title), re.sub(r"[ \t]+", " ", html.unescape(body))
    if path.suffix == ".md":
        match = re.search(r"^title:\s*\"?(.+?)\"?\s*$", raw, re.MULTILINE) or re.search(r"^# (.+)$", raw, re.MULTILINE)
        return match.group(1).strip(), raw
    return raw.splitlines()[0], raw


def main() -> int:
    run = load_runner()
    corpus = json.loads((ROOT / "dialogues.json").read_text(encoding="utf-8"))
    pages = {path.name: page_text(path) for path in sorted(KNOWLEDGE.iterdir()) if path.is_file()}
    problems: list[str] = []
    for name, (title, text) in pages.items():
        print(f"  {name:<36} title {title!r}, {len(text)} characters")

    # source keys: exactly one page each
    keys: set[str] = set()
    for dialogue in corpus["dialogues"]:
        for turn in dialogue["turns"]:
            source = turn.get("source")
            keys.update([source] if isinstance(source, str) else source or [])
    owner: dict[str, str] = {}
    for key in sorted(keys):
        hits = [n for n, (t, _) in pages.items() if run.fold(key) in run.fold(n) and run.fold(key) in run.fold(t)]
        loose = [n for n, (t, _) in pages.items() if run.fold(key) in run.fold(f"{n} {t}")]
        if len(hits) != 1 or len(loose) != 1:
            problems.append(f"source key {key!r}: in name and title of {hits}, in name or title of {loose}")
        else:
            owner[key] = hits[0]
    print(f"{len(pages)} pages; source keys: " + ", ".join(f"{k}={v}" for k, v in sorted(owner.items())))
    unused = sorted(set(pages) - set(owner.values()))
    if unused:
        print("pages no turn names as its source: " + ", ".join(unused))

    # every must of a turn with a source on its pages
    checked = exempted = 0
    for dialogue in corpus["dialogues"]:
        for number, turn in enumerate(dialogue["turns"], 1):
            source = turn.get("source")
            if not source:
                continue
            names = [owner[k] for k in ([source] if isinstance(source, str) else source) if k in owner]
            text = "\n".join(pages[name][1] for name in names)
            flat = re.sub(r"\s+", " ", text)
            skip = EXEMPT.get((dialogue["id"], number), {})
            for index, pattern in enumerate(turn.get("must", [])):
                if index in skip:
                    exempted += 1
                    continue
                checked += 1
                if not (re.search(pattern, text, run.FLAGS) or re.search(pattern, flat, run.FLAGS)):
                    problems.append(f"{dialogue['id']} turn {number}: /{pattern}/ not on {names}")
    print(f"{checked} must patterns found on their pages ({exempted} exempt: computed or English wording)")

    # spots a verbatim quote would be failed for
    fragment, labels = corpus["must_not_all"][9], corpus["must_not_all"][8]
    for name, (_, text) in pages.items():
        flat = re.sub(r"\s+", " ", text)
        for rule, label in ((fragment, "sentence-fragment"), (labels, "label")):
            for found in re.finditer(rule, flat, run.FLAGS):
                problems.append(f"{name}: {label} rule matches {flat[max(0, found.start() - 30) : found.end() + 10]!r}")

    for problem in problems:
        print("PROBLEM", problem)
    print("ok: every source names one page, every must is on its page" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
