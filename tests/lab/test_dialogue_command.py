"""``heine-ai eval dialogues``: a corpus through the assistant in process, reported as the corpus's runner does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heine_ai.cli import app
from heine_ai.config import load_brands
from heine_ai.providers.llm.verification import unsupported_facts
from heine_ai_lab.dialogue_checks import DialogueResult, ReplySeen, TurnResult
from heine_ai_lab.dialogue_corpus import Corpus
from heine_ai_lab.dialogue_report import report_lines, summarise
from heine_ai_lab.dialogues import merge_brand_files, own_texts
from tests.support.installations import BRANDS

runner = CliRunner()
CORPUS = {
    "name": "probe",
    "brand": "heine",
    "must_not_all": ["\\{[a-z_]+\\}"],
    "dialogues": [
        {"id": "hr-01", "kind": "human-request", "turns": [
            {"user": "Kann ich bitte mit einem Mitarbeiter sprechen?", "escalate": True, "reason": "human_request"}]},
        {"id": "os-01", "kind": "order-status", "turns": [
            {"user": "Wo ist meine Bestellung 40123456? Meine PLZ ist 20095.", "must": ["versandt", "hermes"],
             "escalate": False},
            {"user": "Danke!", "must": ["ein Satz, den niemand sagt"], "escalate": False, "kind": "closing"}]},
    ],
}  # fmt: skip


@pytest.fixture
def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONFIG_FILE", str(tmp_path / "absent.yaml"))
    monkeypatch.setenv("BRANDS_DIR", str(BRANDS))
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("ENVIRONMENT", raising=False)
    monkeypatch.setenv("KEYS_DIR", str(tmp_path / "keys"))  # its own development keys, never the user's
    path = tmp_path / "corpus" / "dialogues.json"
    path.parent.mkdir()
    path.write_text(json.dumps(CORPUS), encoding="utf-8")
    return path


def test_the_report_counts_dialogues_and_turns_per_kind_and_quotes_the_failures(cases: Path) -> None:
    result = runner.invoke(app, ["eval", "dialogues", "--cases", str(cases), "--fail-under", "0.5"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()  # the report; the logs (a new development key's warning) go to stderr
    assert lines[0] == "corpus probe in process, knowledge of no brand (none for heine)"
    assert "dialogues passed: 1/2 (50.0%)" in lines
    assert "turns passed:     2/3 (66.7%)" in lines
    rows = {line.split()[0]: line.split()[1:] for line in lines[3:6]}
    assert rows == {
        "human-request": ["1/1", "100.0%", "1/1", "100.0%"],
        "order-status": ["0/1", "0.0%", "1/1", "100.0%"],
        "closing": ["-", "-", "0/1", "0.0%"],
    }
    failures = result.stdout.split("FAILURES (1 dialogues)")[1]
    assert "[os-01] order-status (brand heine)" in failures
    assert "ok  turn 1: Wo ist meine Bestellung 40123456?" in failures
    assert "FAIL turn 2: Danke!" in failures and "- must: /ein Satz, den niemand sagt/ not found" in failures


def test_json_carries_every_turn_and_fail_under_sets_the_exit_code(cases: Path) -> None:
    result = runner.invoke(app, ["eval", "dialogues", "--cases", str(cases), "--only", "os-", "--json",
                                 "--fail-under", "0.9"])  # fmt: skip
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert (summary["dialogues"], summary["dialogue_pass_rate"], summary["turn_pass_rate"]) == (1, 0.0, 0.5)
    first, second = summary["results"][0]["turns"]
    assert first["passed"] and "Hermes" in first["reply"] and first["escalation_required"] is False
    assert second["failures"] == ["must: /ein Satz, den niemand sagt/ not found"]


def test_a_brand_the_corpus_needs_must_be_configured(cases: Path) -> None:
    cases.write_text(json.dumps({**CORPUS, "brand": "lindenhof"}), encoding="utf-8")
    result = runner.invoke(app, ["eval", "dialogues", "--cases", str(cases)])
    assert result.exit_code == 2
    assert "brand(s) ['lindenhof'] not configured" in result.output


def test_a_reply_citing_a_page_that_lacks_its_number_is_counted() -> None:
    reply = ReplySeen("Die Lieferung dauert 3 Tage.", escalated=False)
    turns = (
        TurnResult("Wie lange?", "question", reply, 0.1, (), ("3",)),
        TurnResult("Danke", "closing", reply, 0.1, ()),
    )
    corpus = Corpus(name="probe", brand="heine", dialogues=(), must_not_all=())
    summary = summarise(corpus, [DialogueResult("d-1", "question", "heine", turns)], "in process")
    assert summary["replies_with_unsupported_facts"] == 1
    assert summary["results"][0]["turns"][0]["unsupported"] == ["3"]
    assert "replies stating a number or payment method their sources lack: 1" in report_lines(summary, 100)


def test_only_brand_files_beside_a_corpus_join_the_brands(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "shop.yaml").write_text("id: shop\ndisplay_name: Shop\nlanguage: de\n", encoding="utf-8")
    (corpus / "scripted.yaml").write_text("- customer: Hallo\n", encoding="utf-8")  # a corpus's own data, no brand
    target = tmp_path / "brands"
    target.mkdir()
    merged = merge_brand_files([BRANDS, corpus], target)
    assert sorted(p.name for p in merged.glob("*.yaml")) == sorted(
        [*(p.name for p in BRANDS.glob("*.yaml")), "shop.yaml"]
    )


def test_the_figures_of_the_brands_own_sentences_beside_an_answer_are_no_unsupported_facts() -> None:
    brand = load_brands(BRANDS)["heine"]
    asked = brand.actions.texts.ask_order.format(what="Ihren Widerruf")
    reply = f"Den Widerruf erklären Sie per E-Mail an widerruf@heine.example.\n\n{asked}"
    page = "Den Widerruf erklären Sie per E-Mail an widerruf@heine.example."
    assert unsupported_facts(reply, [page]) == ["8"]  # the procedure's "Bestellnummer (8 Ziffern)"
    assert unsupported_facts(reply, [page, *own_texts(brand)]) == []
    assert unsupported_facts("Die Frist beträgt 99 Tage.", [page, *own_texts(brand)]) == ["99"]
