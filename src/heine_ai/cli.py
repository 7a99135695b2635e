"""The ``heine-ai`` command line: serve, migrate, ingest, inspect brands and knowledge, mint tokens."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from heine_ai.config import Settings, load_brands, load_settings
from heine_ai.errors import AppError, ConfigError
from heine_ai.observability.logging import configure_logging
from heine_ai.security.tokens import Role

if TYPE_CHECKING:
    from fastapi import FastAPI
    from sqlalchemy.ext.asyncio import AsyncEngine

    from heine_ai.handoff.accounts import AccountService

app = typer.Typer(help="Heine AI: customer communication for the retailer's brands.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
knowledge_app = typer.Typer(help="The brands' knowledge bases.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(knowledge_app, name="knowledge")


@app.callback()
def _setup() -> None:
    """Human-readable warnings for commands; ``serve`` switches to the configured JSON logs."""
    configure_logging("WARNING", "console")


def _fail(exc: AppError) -> typer.Exit:
    typer.secho(f"error: {exc.message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=2)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes; more than one needs REDIS_URL.")] = 1,
) -> None:
    """Serve the API, the chat widget and the staff console."""
    import uvicorn

    from heine_ai.app import create_app

    try:
        if workers == 1:
            application: FastAPI | str = create_app()
        else:
            _check_scale_out(load_settings())
            # each worker's e5 engine on one core: OpenMP teams of several processes on the same cores stall
            os.environ.setdefault("OMP_NUM_THREADS", "1")
            application = "heine_ai.app:create_app"  # each worker process builds its own app
    except AppError as exc:
        raise _fail(exc) from exc
    uvicorn.run(
        application,
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        log_config=None,
        proxy_headers=False,
        server_header=False,
    )


def _check_scale_out(settings: Settings) -> None:
    """Several workers share locks and notices through Redis, and vectors through a Chroma server."""
    if not settings.redis_url:
        raise ConfigError("--workers above 1 needs REDIS_URL: workers share locks and notices through Redis.")
    if settings.vector_store_type != "chroma_http":
        raise ConfigError("--workers above 1 needs a Chroma server (VECTOR_STORE_TYPE=chroma_http).")


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply the database migrations (creates the SQLite file if needed)."""
    from heine_ai.db.migrate import upgrade

    try:
        settings = load_settings()
    except AppError as exc:
        raise _fail(exc) from exc
    upgrade(settings.database_url, revision)
    typer.echo(f"database at {revision}")


@app.command()
def ingest(
    brand: Annotated[str, typer.Argument(help="Brand id, e.g. heine.")],
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, URL lists (urls.txt), sitemaps or http(s) URLs; default: the brand's knowledge path."
        ),
    ] = None,
    prune: Annotated[bool, typer.Option(help="Remove documents that are no longer in the given sources.")] = False,
) -> None:
    """Ingest Markdown, text, HTML, PDF and Word documents, from files or the web, into a brand's knowledge base."""
    from heine_ai.knowledge.loaders import is_http_url
    from heine_ai.lifespan import build_state, close_state

    try:
        state = build_state(load_settings())
        if brand not in state.brands:
            raise typer.BadParameter(f"unknown brand '{brand}' (known: {', '.join(sorted(state.brands))})")
        targets: list[str | Path] = [source if is_http_url(source) else Path(source) for source in sources or []] or [
            state.brands[brand].knowledge_path
        ]

        async def run() -> None:
            try:
                summary = await state.ingestor.ingest(brand, targets, prune=prune, progress=_progress_bar)
            finally:
                await close_state(state)
            typer.echo("", err=True)
            typer.echo(
                f"{brand}: {summary.added} added, {summary.changed} changed, {summary.unchanged} unchanged, "
                f"{summary.removed} removed, {len(summary.failed)} failed; {summary.chunks} chunks; "
                f"version {summary.version}; {summary.seconds:.1f} s"
            )
            for source, reason in summary.failed:
                typer.secho(f"  failed: {source}: {reason}", err=True, fg=typer.colors.YELLOW)
            if summary.prune_skipped:
                typer.secho("  nothing pruned: a folder, URL list or sitemap could not be read", err=True)

        asyncio.run(run())
    except AppError as exc:
        raise _fail(exc) from exc


def _progress_bar(done: int, total: int, width: int = 30) -> None:
    filled = width * done // max(total, 1)
    typer.echo(f"\ringesting [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", nl=False, err=True)


@knowledge_app.command("status")
def knowledge_status() -> None:
    """Documents, chunks and version of every brand's knowledge base."""
    from heine_ai.lifespan import build_state, close_state

    try:
        state = build_state(load_settings())  # refused, e.g., by a remote embeddings endpoint that is down
    except AppError as exc:
        raise _fail(exc) from exc

    async def run() -> None:
        try:
            for row in await state.ingestor.status(sorted(state.brands)):
                stored = await asyncio.to_thread(state.vector_store.count, row.brand)
                typer.echo(
                    f"{row.brand}: {row.documents} documents, {row.chunks} chunks ({stored} stored), "
                    f"version {row.version}"
                )
        finally:
            await close_state(state)

    asyncio.run(run())


@app.command()
def brands() -> None:
    """List the configured brands."""
    try:
        settings = load_settings()
        for brand in load_brands(settings.brands_dir).values():
            typer.echo(f"{brand.id}\t{brand.display_name}\t{brand.language}\t{brand.knowledge_path}")
    except AppError as exc:
        raise _fail(exc) from exc


@app.command()
def token(
    role: Annotated[Role, typer.Option(help="Role the token grants.")] = Role.ADMIN,
    subject: Annotated[str, typer.Option(help="Who the token is for.")] = "operator",
    minutes: Annotated[int, typer.Option(help="Lifetime in minutes.")] = 60,
) -> None:
    """Print a signed JWT access token (for operators and tests)."""
    from heine_ai.security.secrets import resolve_secrets
    from heine_ai.security.tokens import TokenService

    try:
        settings = load_settings()
        secrets = resolve_secrets(settings)
    except AppError as exc:
        raise _fail(exc) from exc
    service = TokenService(secrets.jwt_secret, algorithm=settings.jwt_algorithm)
    typer.echo(service.issue(subject, role, expire_seconds=minutes * 60))


@app.command()
def keygen() -> None:
    """Print a new ENCRYPTION_KEY (a Fernet key)."""
    from heine_ai.security.crypto import new_fernet_key

    typer.echo(new_fernet_key())


@app.command("config")
def show_config() -> None:
    """Print the effective settings, secrets hidden."""
    try:
        settings = load_settings()
    except AppError as exc:
        raise _fail(exc) from exc
    data = settings.model_dump(mode="json")
    for secret in ("jwt_secret_key", "encryption_key", "openai_api_key"):
        if data.get(secret):
            data[secret] = "***"
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


eval_app = typer.Typer(help="Measure the assistant on evaluation data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
SharedDir = Annotated[
    Path, typer.Option(envvar="SHARED_DIR", help="The folder holding eval/ (massive_de, bitext, germeval).")
]


@eval_app.command("retrieval")
def eval_retrieval(
    dataset: Annotated[Path, typer.Option(help="JSONL with question and context per line (XQuAD format).")],
    limit: Annotated[int | None, typer.Option(help="Use only the first N questions.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by method.")] = False,
) -> None:
    """Recall@1, recall@5, MRR@10 and latency of BM25, dense and the project's retrieval, in one run."""
    from heine_ai_lab.retrieval import evaluate_retrieval

    try:
        results = asyncio.run(evaluate_retrieval(dataset, limit=limit, base_settings=load_settings()))
    except AppError as exc:
        raise _fail(exc) from exc
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
def eval_escalation(
    dataset: Annotated[Path, typer.Option(help="CSV with text and is_negative (GermEval 2017) or coarse (2018).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by method.")] = False,
) -> None:
    """Precision, recall and F1 of complaint (is_negative) or abuse (coarse) detection, beside baselines."""
    from heine_ai_lab.escalation import evaluate_escalation

    try:
        results = evaluate_escalation(dataset)
    except AppError as exc:
        raise _fail(exc) from exc
    _print_table(results, as_json, ("precision", "recall", "f1"))


@eval_app.command("answers")
def eval_answers(
    dataset: Annotated[Path, typer.Option(help="JSONL with question, context and answers (XQuAD format).")],
    limit: Annotated[int | None, typer.Option(help="Use only the first N questions.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by provider.")] = False,
) -> None:
    """Gold span contained, unsupported numbers, own text vs. fallback and verification's rejections, per provider."""
    from heine_ai_lab.answers import evaluate_answers

    try:
        results = asyncio.run(evaluate_answers(dataset, limit=limit, base_settings=load_settings()))
    except AppError as exc:
        raise _fail(exc) from exc
    _print_table(results, as_json, ("contains_gold", "unsupported_number_share", "own_share", "rejection_share"))


@eval_app.command("intents")
def eval_intents(
    shared_dir: SharedDir = Path("../shared"),
    questions: Annotated[Path, typer.Option(help="The brand's own questions (JSONL: question, url).")] = Path(
        "bench/data/heine_questions.jsonl"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object keyed by method.")] = False,
) -> None:
    """Out-of-scope rejection (massive_de dev), share of the demo FAQ's questions answered, intent accuracy."""
    from heine_ai_lab.intents import evaluate_intents

    try:
        results = asyncio.run(evaluate_intents(shared_dir, questions, base_settings=load_settings()))
    except AppError as exc:
        raise _fail(exc) from exc
    columns = ("oos_rejection", "kb_answered", "kb_answered_with_source", "kb_intent_accuracy", "en_intent_accuracy")
    _print_table(results, as_json, columns)


train_app = typer.Typer(help="Rebuild the assistant's shipped classifiers from training data.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("intents")
def train_intents_command(shared_dir: SharedDir = Path("../shared"), brand: str = "heine") -> None:
    """Fit the intent and out-of-scope model; writes src/heine_ai/assistant/data/intents.npz."""
    from heine_ai_lab.intent_training import train_intents

    try:
        summary = asyncio.run(train_intents(shared_dir, brand=brand, base_settings=load_settings()))
    except AppError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps(summary))


@train_app.command("escalation")
def train_escalation_command(shared_dir: SharedDir = Path("../shared")) -> None:
    """Fit the complaint and abuse detectors (with their nested-CV figures); writes assistant/data/escalation.npz."""
    from heine_ai_lab.escalation_training import train_escalation

    try:
        report = train_escalation(shared_dir)
    except AppError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps(report))


def _print_table(results: Mapping[str, Mapping[str, float | None]], as_json: bool, columns: tuple[str, ...]) -> None:
    if as_json:
        typer.echo(json.dumps(results))
        return
    typer.echo(f"{'method':<16}" + "".join(f"{column:>26}" for column in columns))
    for method, row in results.items():
        cells = (f"{row[column]:>26.4f}" if row[column] is not None else f"{'–':>26}" for column in columns)
        typer.echo(f"{method:<16}" + "".join(cells))


email_app = typer.Typer(help="The e-mail channel: the brands' mailboxes.", no_args_is_help=True)
app.add_typer(email_app, name="email")


@email_app.command("status")
def email_status() -> None:
    """Inbound mails per state and brand (flagged ones wait in the review folder)."""
    from heine_ai.lifespan import build_state, close_state

    try:
        state = build_state(load_settings())
    except AppError as exc:
        raise _fail(exc) from exc
    channel = state.email
    if channel is None:
        typer.secho("error: no brand has a mailbox (see README, e-mail channel)", err=True, fg=typer.colors.RED)
        raise typer.Exit(code=2)

    async def run() -> None:
        try:
            for name in sorted(channel.mailboxes):
                counts = await channel.ledger.counts(name)
                typer.echo(f"{name}: " + (", ".join(f"{n} {key}" for key, n in sorted(counts.items())) or "no mails"))
        finally:
            await close_state(state)

    asyncio.run(run())


@email_app.command("run")
def email_run(
    brand: Annotated[list[str] | None, typer.Option(help="Only this brand's mailbox (repeatable).")] = None,
    once: Annotated[bool, typer.Option(help="Process the unseen mails once, then exit.")] = False,
) -> None:
    """Answer the customer mails of every brand with a mailbox (without the API server); Ctrl-C stops."""
    from heine_ai.lifespan import build_state, close_state

    try:
        state = build_state(load_settings())
    except AppError as exc:
        raise _fail(exc) from exc
    channel = state.email
    if channel is None:
        typer.secho("error: no brand has a mailbox (see README, e-mail channel)", err=True, fg=typer.colors.RED)
        raise typer.Exit(code=2)
    unknown = sorted(set(brand or []) - set(channel.workers))
    if unknown:
        raise typer.BadParameter(f"no mailbox for {', '.join(unknown)} (configured: {', '.join(channel.workers)})")

    async def run() -> None:
        try:
            if once:
                for name, count in (await channel.run_once(brand)).items():
                    typer.echo(f"{name}: {count} mails handled")
                return
            configure_logging(state.settings.log_level, state.settings.log_format)
            await asyncio.gather(*(channel.poll(name) for name in brand or sorted(channel.workers)))  # as the app
        finally:
            await close_state(state)

    asyncio.run(run())


agents_app = typer.Typer(help="Service staff accounts (agents and admins).", no_args_is_help=True)
app.add_typer(agents_app, name="agents")


def _accounts() -> tuple[AccountService, AsyncEngine]:
    """An AccountService on the configured database, and its engine (to dispose)."""
    from heine_ai.db.engine import create_engine, create_session_factory
    from heine_ai.handoff.accounts import AccountService
    from heine_ai.providers.cache import MemoryCache
    from heine_ai.security.crypto import Cipher
    from heine_ai.security.login_throttle import login_throttle
    from heine_ai.security.secrets import resolve_secrets
    from heine_ai.security.tokens import TokenService

    settings = load_settings()
    secrets = resolve_secrets(settings)
    engine = create_engine(settings.database_url)
    tokens = TokenService(secrets.jwt_secret, algorithm=settings.jwt_algorithm)
    brands = sorted(load_brands(settings.brands_dir))
    throttle = login_throttle(settings, MemoryCache(), Cipher(secrets.encryption_key))  # no logins here
    return AccountService(create_session_factory(engine), tokens, brands, settings.refresh_token_days, throttle), engine


@agents_app.command("create")
def agents_create(
    username: Annotated[str, typer.Argument(help="Login name: lower-case letters, digits, '.', '_', '-'.")],
    display_name: Annotated[str, typer.Option(help="The name customers see, e.g. 'Anna Becker'.")],
    role: Annotated[Role, typer.Option(help="agent or admin.")] = Role.AGENT,
    brands: Annotated[str, typer.Option(help="Comma-separated brands the agent serves (admins serve all).")] = "",
    password_stdin: Annotated[bool, typer.Option(help="Read the password from standard input.")] = False,
) -> None:
    """Create a staff account; the password comes from a prompt (or --password-stdin), never the command line."""
    import sys

    password = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    )
    try:
        service, engine = _accounts()
        chosen = [b.strip() for b in brands.split(",") if b.strip()]

        async def run() -> None:
            try:
                view = await service.create(username, display_name, password, role, chosen)
            finally:
                await engine.dispose()
            typer.echo(f"created {view.username} ({view.role}; brands: {', '.join(view.brands) or '-'}), id {view.id}")

        asyncio.run(run())
    except AppError as exc:
        raise _fail(exc) from exc


@agents_app.command("list")
def agents_list() -> None:
    """List the staff accounts."""
    try:
        service, engine = _accounts()

        async def run() -> None:
            try:
                for view in await service.list():
                    state = "active" if view.active else "deactivated"
                    typer.echo(f"{view.username}\t{view.display_name}\t{view.role}\t{','.join(view.brands)}\t{state}")
            finally:
                await engine.dispose()

        asyncio.run(run())
    except AppError as exc:
        raise _fail(exc) from exc
