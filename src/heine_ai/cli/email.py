"""``heine-ai email ...``: the e-mail channel's mailboxes, without the API server."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.cli.state import running_state
from heine_ai.errors import ConfigError
from heine_ai.observability.logging import configure_logging

if TYPE_CHECKING:
    from heine_ai.app_state import AppState
    from heine_ai.channels.email.channel import EmailChannel

email_app = typer.Typer(help="The e-mail channel: the brands' mailboxes.", no_args_is_help=True)


def _channel(state: AppState) -> EmailChannel:
    if state.email is None:
        raise ConfigError("no brand has a mailbox (see docs/email.md)")
    return state.email


@email_app.command("status")
@reports_errors
def email_status() -> None:
    """Inbound mails per state and brand (flagged ones wait in the review folder)."""

    async def run() -> None:
        async with running_state() as state:
            channel = _channel(state)
            for name in sorted(channel.mailboxes):
                counts = await channel.ledger.counts(name)
                typer.echo(f"{name}: " + (", ".join(f"{n} {key}" for key, n in sorted(counts.items())) or "no mails"))

    asyncio.run(run())


@email_app.command("run")
@reports_errors
def email_run(
    brand: Annotated[list[str] | None, typer.Option(help="Only this brand's mailbox (repeatable).")] = None,
    once: Annotated[bool, typer.Option(help="Process the unseen mails once, then exit.")] = False,
) -> None:
    """Answer the customer mails of every brand with a mailbox (without the API server); Ctrl-C stops."""

    async def run() -> None:
        async with running_state() as state:
            channel = _channel(state)
            unknown = sorted(set(brand or []) - set(channel.workers))
            if unknown:
                configured = ", ".join(channel.workers)
                raise typer.BadParameter(f"no mailbox for {', '.join(unknown)} (configured: {configured})")
            if once:
                for name, count in (await channel.run_once(brand)).items():
                    typer.echo(f"{name}: {count} mails handled")
                return
            configure_logging(state.settings.log_level, state.settings.log_format)
            names = brand or sorted(channel.workers)
            senders = (channel.confirmations.run(name) for name in names)
            await asyncio.gather(*(channel.poll(name) for name in names), *senders)  # as the app

    asyncio.run(run())
