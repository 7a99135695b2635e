"""``heine-ai ingest`` and ``heine-ai knowledge ...``: the brands' knowledge bases."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.cli.state import running_state

knowledge_app = typer.Typer(help="The brands' knowledge bases.", no_args_is_help=True)


@reports_errors
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

    async def run() -> None:
        async with running_state() as state:
            if brand not in state.brands:
                raise typer.BadParameter(f"unknown brand '{brand}' (known: {', '.join(sorted(state.brands))})")
            targets: list[str | Path] = [
                source if is_http_url(source) else Path(source) for source in sources or []
            ] or [state.brands[brand].knowledge_path]
            summary = await state.ingestor.ingest(brand, targets, prune=prune, progress=_progress_bar)
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


def _progress_bar(done: int, total: int, width: int = 30) -> None:
    filled = width * done // max(total, 1)
    typer.echo(f"\ringesting [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", nl=False, err=True)


@knowledge_app.command("status")
@reports_errors
def knowledge_status() -> None:
    """Documents, chunks and version of every brand's knowledge base."""

    async def run() -> None:
        async with running_state() as state:  # refused, e.g., by a remote embeddings endpoint that is down
            for row in await state.ingestor.status(sorted(state.brands)):
                stored = await asyncio.to_thread(state.vector_store.count, row.brand)
                typer.echo(
                    f"{row.brand}: {row.documents} documents, {row.chunks} chunks ({stored} stored), "
                    f"version {row.version}"
                )

    asyncio.run(run())
