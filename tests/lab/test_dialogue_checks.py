"""The dialogue corpus's format and checks, with the semantics of the corpus's own runner (run.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from heine_ai.errors import ConfigError
from heine_ai_lab.dialogue_checks import ReplySeen, SourceSeen, check_turn
from heine_ai_lab.dialogue_corpus import Turn, load_corpus
from heine_ai_lab.dialogues import knowledge_folders

RETURNS = SourceSeen("Retoure & Umtausch", "/kundenservice/retoure", 0.9)
HANDOVER = "Ich verbinde Sie mit einer Kollegin aus unserem Kundenservice."


def reply(
    text: str, *, escalated: bool = False, reason: str | None = None, sources: tuple[SourceSeen, ...] = ()
) -> ReplySeen:
    return ReplySeen(text, escalated, reason, 0.5, sources)


def test_a_reply_with_the_fact_and_the_page_passes() -> None:
    turn = Turn("Wie lange habe ich Zeit?", "duration", False, must=("21 Tage",), sources=("retoure",))
    assert check_turn(turn, reply("Sie haben 21 Tage Zeit.", sources=(RETURNS,)), ()) == []


def test_each_broken_expectation_is_named() -> None:
    turn = Turn(
        "Kann ich mit PayPal zahlen?",
        "yes-no-negative",
        False,
        must=("nicht",),
        must_not=(r"^ja\b",),
        sources=("bezahl",),
    )
    failures = check_turn(turn, reply("Ja, gerne.", escalated=True, reason="complaint", sources=(RETURNS,)), (r"\*\*",))
    assert failures == [
        "escalate: expected none, got one (reason complaint)",
        "must: /nicht/ not found",
        "must_not: /^ja\\b/ matched 'Ja'",
        "source: expected 'bezahl', first source is 'Retoure & Umtausch' (/kundenservice/retoure)",
    ]


def test_the_corpus_wide_must_not_applies_to_every_turn_case_insensitively_per_line() -> None:
    turn = Turn("Größe?", "table-lookup", False)
    assert check_turn(turn, reply("Größe 42.\n# Tabelle"), (r"^#{1,6}\s",)) == ["must_not: /^#{1,6}\\s/ matched '# '"]


def test_an_optional_escalation_that_happened_skips_the_answer_checks_but_not_the_forbidden_ones() -> None:
    turn = Turn(
        "Löschen Sie meine Daten",
        "data-protection",
        "optional",
        must=("datenschutz@",),
        must_not=("Ja,",),
        sources=("datenschutz",),
    )
    assert check_turn(turn, reply(HANDOVER, escalated=True, reason="sensitive_topic"), ()) == []
    assert check_turn(turn, reply("Ja, " + HANDOVER, escalated=True), ()) == ["must_not: /Ja,/ matched 'Ja,'"]
    not_escalated = check_turn(turn, reply("Schreiben Sie uns."), ())
    assert not_escalated == ["must: /datenschutz@/ not found", "source: expected 'datenschutz', got no source"]


def test_the_reason_is_one_of_a_list_and_only_checked_when_the_reply_escalated() -> None:
    turn = Turn("40999997 12345", "order-status", True, reasons=("repeated_failure", "human_request"))
    assert check_turn(turn, reply(HANDOVER, escalated=True, reason="human_request"), ()) == []
    assert check_turn(turn, reply(HANDOVER, escalated=True, reason="abuse"), ()) == [
        "reason: expected repeated_failure or human_request, got abuse"
    ]
    assert check_turn(turn, reply("Nicht gefunden."), ()) == ["escalate: expected an escalation, got none"]


def test_the_source_is_matched_in_url_or_title_with_umlauts_folded() -> None:
    turn = Turn("Rückzahlung?", "duration", False, sources=("versand", "rückzahlung"))
    page = SourceSeen("Rückzahlung", "/kundenservice/erstattung", 0.8)
    assert check_turn(turn, reply("In 5 Tagen.", sources=(page,)), ()) == []
    folded = Turn("Rückzahlung?", "duration", False, sources=("rueckzahlung",))
    assert check_turn(folded, reply("In 5 Tagen.", sources=(page,)), ()) == []


def write(tmp_path: Path, corpus: dict[str, Any]) -> Path:
    path = tmp_path / "dialogues.json"
    path.write_text(json.dumps(corpus), encoding="utf-8")
    return path


def test_a_corpus_is_read_with_defaults_and_selected_by_kind_or_id(tmp_path: Path) -> None:
    corpus = load_corpus(
        write(
            tmp_path,
            {
                "name": "probe",
                "brand": "lindenhof",
                "must_not_all": ["\\*\\*"],
                "dialogues": [
                    {
                        "id": "cl-01",
                        "kind": "closing",
                        "turns": [
                            {
                                "user": "Was kostet der Versand?",
                                "must": ["4,90"],
                                "escalate": False,
                                "kind": "price",
                                "source": "versand",
                            },
                            {"user": "Danke!", "escalate": False},
                        ],
                    },
                    {
                        "id": "os-01",
                        "kind": "order-status",
                        "brand": "heine",
                        "turns": [
                            {"user": "Wo ist meine Bestellung?", "escalate": "optional", "reason": "human_request"}
                        ],
                    },
                ],
            },
        )
    )
    closing, order = corpus.dialogues
    assert (closing.brand, order.brand) == ("lindenhof", "heine")
    assert [turn.kind for turn in closing.turns] == ["price", "closing"]
    assert closing.turns[0].sources == ("versand",) and order.turns[0].reasons == ("human_request",)
    assert corpus.must_not_all == ("\\*\\*",)
    assert [d.id for d in corpus.select(["order"])] == ["os-01"]
    assert [d.id for d in corpus.select(["cl-0"])] == ["cl-01"]
    assert len(corpus.select()) == 2


def test_a_malformed_corpus_is_refused_with_every_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "dialogues": [
                {
                    "id": "x",
                    "kind": "smalltalk",
                    "turns": [{"user": "Hallo", "escalate": "maybe", "must": ["("], "reason": "angry", "extra": 1}],
                },
            ]
        },
    )
    with pytest.raises(ConfigError) as raised:
        load_corpus(path)
    message = raised.value.message
    for problem in (
        "'brand'",
        "unknown kind 'smalltalk'",
        "'escalate' must be",
        "bad regex '('",
        "unknown reason 'angry'",
        "unknown key 'extra'",
    ):
        assert problem in message


def test_knowledge_is_given_per_brand_or_for_the_corpus_brand(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "heine").mkdir()
    default = tmp_path / "knowledge"
    assert knowledge_folders([], "lindenhof", default) == {"lindenhof": default}
    assert knowledge_folders([f"heine={tmp_path / 'heine'}"], "lindenhof", default) == {
        "heine": tmp_path / "heine",
        "lindenhof": default,
    }
    assert knowledge_folders([str(tmp_path / "heine")], "lindenhof", default) == {"lindenhof": tmp_path / "heine"}
    assert knowledge_folders([], "lindenhof", tmp_path / "absent") == {}
    with pytest.raises(ConfigError, match="is not a folder"):
        knowledge_folders(["heine=/nowhere"], "lindenhof", default)
