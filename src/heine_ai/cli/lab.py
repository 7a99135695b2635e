"""``heine-ai eval ...`` and ``heine-ai train ...``: the lab (package ``heine_ai_lab``), loaded only when they run."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.config import load_settings

eval_app = typer.Typer(help="Measure the assistant on evaluation data.", no_args_is_help=True)
train_app = typer.Typer(help="Rebuild the assistant's shipped classifiers from training data.", no_args_is_help=True)
SharedDir = Annotated[
    Path, typer.Option(envvar="SHARED_DIR", help="The folder holding eval/ (massive_de, bitext, germeval).")
]


@eval_app.command("retrieval")
@reports_errors
def eval_retrieval(
    dataset: Annotated[Path, typer.Option(help="JSONL with question and context per line (XQuAD format).")],
    limit: Annotated[int | None, typer.Option(help="Use only the first N questions.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by method.")] = False,
) -> None:
    """Recall@1, recall@5, MRR@10 and latency of BM25, dense and the project's retrieval, in one run."""
    from heine_ai_lab.retrieval import evaluate_retrieval

    results = asyncio.run(evaluate_retrieval(dataset, limit=limit, base_settings=load_settings()))
    if as_json:
        typer.echo(json.dumps(results))
        return
    typer.echo(f"{'method':<10}{'recall@1':>10}{'recall@5':>10}{'mrr@10':>10}{'p50 ms':>9}{'p95 ms':>9}")
    for method, row in results.items():
        typer.echo(
            f"{method:<10}{row['recall@1']:>10.4f}{row['recall@5']:>10.4f}{row['mrr@10']:>10.4f}"
            f"{row['p50_ms']:>9.2f}{row['p95_ms']:>9.2f}"
        )


@eval_app.command("escalation")
@reports_errors
def eval_escalation(
    dataset: Annotated[Path, typer.Option(help="CSV with text and is_negative (GermEval 2017) or coarse (2018).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by method.")] = False,
) -> None:
    """Precision, recall and F1 of complaint (is_negative) or abuse (coarse) detection, beside baselines."""
    from heine_ai_lab.escalation import evaluate_escalation

    _print_table(evaluate_escalation(dataset), as_json, ("precision", "recall", "f1"))


@eval_app.command("answers")
@reports_errors
def eval_answers(
    dataset: Annotated[Path, typer.Option(help="JSONL with question, context and answers (XQuAD format).")],
    limit: Annotated[int | None, typer.Option(help="Use only the first N questions.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by provider.")] = False,
) -> None:
    """Gold span contained, unsupported numbers, own text vs. fallback and verification's rejections, per provider."""
    from heine_ai_lab.answers import evaluate_answers

    results = asyncio.run(evaluate_answers(dataset, limit=limit, base_settings=load_settings()))
    _print_table(results, as_json, ("contains_gold", "unsupported_number_share", "own_share", "rejection_share"))


@eval_app.command("intents")
@reports_errors
def eval_intents(
    shared_dir: SharedDir = Path("../shared"),
    questions: Annotated[Path, typer.Option(help="The brand's own questions (JSONL: question, url).")] = Path(
        "bench/data/heine_questions.jsonl"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by method.")] = False,
) -> None:
    """Out-of-scope rejection (massive_de dev), share of the demo FAQ's questions answered, intent accuracy."""
    from heine_ai_lab.intents import evaluate_intents

    results = asyncio.run(evaluate_intents(shared_dir, questions, base_settings=load_settings()))
    columns = ("oos_rejection", "kb_answered", "kb_answered_with_source", "kb_intent_accuracy", "en_intent_accuracy")
    _print_table(results, as_json, columns)


@eval_app.command("dialogues")
@reports_errors
def eval_dialogues(
    cases: Annotated[Path, typer.Option(help="The corpus (dialogues.json).")] = Path(
        "../shared/eval/dialogues/dialogues.json"
    ),
    brands_dir: Annotated[
        list[Path] | None,
        typer.Option(help="A folder of brand files added to the configured ones (default: the cases' folder)."),
    ] = None,
    knowledge: Annotated[
        list[str] | None,
        typer.Option(help="BRAND=FOLDER to ingest, or FOLDER for the corpus's brand (default: knowledge/ beside it)."),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option(help="Run only dialogues whose kind or id contains this (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of the report.")] = False,
    quote: Annotated[int, typer.Option(help="Characters of a failing reply to quote.")] = 600,
    fail_under: Annotated[
        float | None, typer.Option(help="Exit 1 when the dialogue pass rate (0..1) is below this.")
    ] = None,
) -> None:
    """Run a dialogue corpus through the assistant in process: pass rates per kind, failing turns quoted."""
    from heine_ai_lab.dialogue_report import report_lines
    from heine_ai_lab.dialogues import evaluate_dialogues

    def progress(number: int, count: int, dialogue: str) -> None:
        typer.echo(f"\r{number}/{count} {dialogue:<24}", err=True, nl=False)

    shows_progress = not as_json and sys.stderr.isatty()
    summary = asyncio.run(
        evaluate_dialogues(
            cases,
            only=only or (),
            brand_dirs=brands_dir or (),
            knowledge=knowledge or (),
            base_settings=load_settings(),
            progress=progress if shows_progress else None,
        )
    )
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
    else:
        if shows_progress:
            typer.echo("\r" + " " * 40 + "\r", err=True, nl=False)
        typer.echo("\n".join(report_lines(summary, quote)))
    if fail_under is not None and (summary["dialogue_pass_rate"] or 0) < fail_under:
        raise typer.Exit(code=1)


@train_app.command("intents")
@reports_errors
def train_intents_command(shared_dir: SharedDir = Path("../shared"), brand: str = "heine") -> None:
    """Fit the intent and out-of-scope model; writes src/heine_ai/assistant/data/intents.npz."""
    from heine_ai_lab.intent_training import train_intents

    typer.echo(json.dumps(asyncio.run(train_intents(shared_dir, brand=brand, base_settings=load_settings()))))


@train_app.command("escalation")
@reports_errors
def train_escalation_command(shared_dir: SharedDir = Path("../shared")) -> None:
    """Fit the complaint and abuse detectors (with their nested-CV figures); writes assistant/data/escalation.npz."""
    from heine_ai_lab.escalation_training import train_escalation

    typer.echo(json.dumps(train_escalation(shared_dir)))


def _print_table(results: Mapping[str, Mapping[str, float | None]], as_json: bool, columns: tuple[str, ...]) -> None:
    if as_json:
        typer.echo(json.dumps(results))
        return
    typer.echo(f"{'method':<16}" + "".join(f"{column:>26}" for column in columns))
    for method, row in results.items():
        cells = (f"{row[column]:>26.4f}" if row[column] is not None else f"{'–':>26}" for column in columns)
        typer.echo(f"{method:<16}" + "".join(cells))
