"""The figures of a dialogue corpus run, in the layout of the corpus's own runner (``run.py``): the same keys in
``--json`` and the same table, so that the two can be compared line by line."""

from __future__ import annotations

import statistics
from dataclasses import asdict
from typing import Any

from heine_ai_lab.dialogue_checks import DialogueResult, TurnResult
from heine_ai_lab.dialogue_corpus import KINDS, Corpus

Summary = dict[str, Any]


def summarise(corpus: Corpus, results: list[DialogueResult], base: str) -> Summary:
    """Dialogue rates by the dialogue's kind, turn rates by each turn's kind, overall rates and every turn."""
    per_kind: dict[str, dict[str, int]] = {}

    def entry(kind: str) -> dict[str, int]:
        return per_kind.setdefault(kind, {"dialogues": 0, "dialogues_passed": 0, "turns": 0, "turns_passed": 0})

    for dialogue in results:
        entry(dialogue.kind)["dialogues"] += 1
        entry(dialogue.kind)["dialogues_passed"] += dialogue.passed
    turns = [turn for dialogue in results for turn in dialogue.turns]
    for turn in turns:
        entry(turn.kind)["turns"] += 1
        entry(turn.kind)["turns_passed"] += turn.passed
    seconds = [turn.seconds for turn in turns]
    passed = sum(d.passed for d in results)
    turns_passed = sum(t.passed for t in turns)
    unsupported = sum(bool(t.unsupported) for t in turns)
    return {
        "corpus": corpus.name,
        "base": base,
        "dialogues": len(results),
        "dialogues_passed": passed,
        "dialogue_pass_rate": _rate(passed, len(results)),
        "turns": len(turns),
        "turns_passed": turns_passed,
        "turn_pass_rate": _rate(turns_passed, len(turns)),
        "median_seconds_per_turn": round(statistics.median(seconds), 3) if seconds else None,
        "replies_with_unsupported_facts": unsupported,
        "per_kind": {
            kind: {
                **counts,
                "dialogue_pass_rate": _rate(counts["dialogues_passed"], counts["dialogues"]),
                "turn_pass_rate": _rate(counts["turns_passed"], counts["turns"]),
            }
            for kind, counts in sorted(per_kind.items(), key=lambda item: _kind_order(item[0]))
        },
        "results": [
            {
                "id": d.id,
                "kind": d.kind,
                "brand": d.brand,
                "passed": d.passed,
                "turns": [_turn_row(turn) for turn in d.turns],
            }
            for d in results
        ],
    }


def _turn_row(turn: TurnResult) -> dict[str, Any]:
    reply = turn.reply
    return {
        "user": turn.user,
        "kind": turn.kind,
        "passed": turn.passed,
        "reply": reply.text if reply else "",
        "escalation_required": reply.escalated if reply else None,
        "escalation_reason": reply.reason if reply else None,
        "confidence": reply.confidence if reply else None,
        "sources": [asdict(source) for source in reply.sources] if reply else [],
        "seconds": round(turn.seconds, 3),
        "failures": list(turn.failures),
        "unsupported": list(turn.unsupported),
    }


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _rate(passed: int, total: int) -> float | None:
    return round(passed / total, 4) if total else None


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def report_lines(summary: Summary, quote: int) -> list[str]:
    """The table of rates per kind, the overall rates, then every failing dialogue with its replies quoted."""
    lines = [f"corpus {summary['corpus']} {summary['base']}", ""]
    lines.append(f"{'kind':<24} {'dialogues':>13} {'rate':>7}   {'turns':>9} {'rate':>7}")
    for kind, entry in summary["per_kind"].items():
        dialogues = f"{entry['dialogues_passed']}/{entry['dialogues']}" if entry["dialogues"] else "-"
        lines.append(
            f"{kind:<24} {dialogues:>13} {_pct(entry['dialogue_pass_rate']):>7}   "
            f"{entry['turns_passed']:>4}/{entry['turns']:<4} {_pct(entry['turn_pass_rate']):>7}"
        )
    lines += [
        "",
        f"dialogues passed: {summary['dialogues_passed']}/{summary['dialogues']} "
        f"({_pct(summary['dialogue_pass_rate']).strip()})",
        f"turns passed:     {summary['turns_passed']}/{summary['turns']} ({_pct(summary['turn_pass_rate']).strip()})",
        f"median seconds per turn: {summary['median_seconds_per_turn']}",
        f"replies stating a number or payment method their sources lack: {summary['replies_with_unsupported_facts']}",
    ]
    failed = [d for d in summary["results"] if not d["passed"]]
    if failed:
        lines += ["", f"FAILURES ({len(failed)} dialogues)"]
        for dialogue in failed:
            lines += ["", *dialogue_lines(dialogue, quote)]
    return lines


def dialogue_lines(dialogue: dict[str, Any], quote: int) -> list[str]:
    """One dialogue of a summary's ``results``: every turn, a failing one with its reply and failed checks."""
    lines = [f"[{dialogue['id']}] {dialogue['kind']} (brand {dialogue['brand']})"]
    for number, turn in enumerate(dialogue["turns"], 1):
        lines += _turn_lines(number, turn, quote)
    return lines


def _turn_lines(number: int, turn: dict[str, Any], quote: int) -> list[str]:
    lines = [f"  {'ok ' if turn['passed'] else 'FAIL'} turn {number}: {turn['user']}"]
    if turn["passed"]:
        return lines
    reply = turn["reply"].replace("\n", "\n        ")
    if len(reply) > quote:
        reply = reply[:quote] + " […]"
    first = turn["sources"][0] if turn["sources"] else None
    lines += [
        f'        reply: "{reply}"',
        f"        escalation: {turn['escalation_required']} ({turn['escalation_reason']}); first source: "
        f"{(first['title'] + ' ' + first['url']) if first else None}",
    ]
    return lines + [f"        - {failure}" for failure in turn["failures"]]
