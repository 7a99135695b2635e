"""``heine-ai agents ...``: service staff accounts, through the composition root's ``AccountService``."""

from __future__ import annotations

import asyncio
import sys
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.cli.state import running_state
from heine_ai.security.tokens import Role

agents_app = typer.Typer(help="Service staff accounts (agents and admins).", no_args_is_help=True)


@agents_app.command("create")
@reports_errors
def agents_create(
    username: Annotated[str, typer.Argument(help="Login name: lower-case letters, digits, '.', '_', '-'.")],
    display_name: Annotated[str, typer.Option(help="The name customers see, e.g. 'Anna Becker'.")],
    role: Annotated[Role, typer.Option(help="agent or admin.")] = Role.AGENT,
    brands: Annotated[str, typer.Option(help="Comma-separated brands the agent serves (admins serve all).")] = "",
    password_stdin: Annotated[bool, typer.Option(help="Read the password from standard input.")] = False,
) -> None:
    """Create a staff account; the password comes from a prompt (or --password-stdin), never the command line."""
    password = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    )
    chosen = [b.strip() for b in brands.split(",") if b.strip()]

    async def run() -> None:
        async with running_state() as state:
            view = await state.handoff.accounts.create(username, display_name, password, role, chosen)
        typer.echo(f"created {view.username} ({view.role}; brands: {', '.join(view.brands) or '-'}), id {view.id}")

    asyncio.run(run())


@agents_app.command("list")
@reports_errors
def agents_list() -> None:
    """List the staff accounts."""

    async def run() -> None:
        async with running_state() as state:
            for view in await state.handoff.accounts.list():
                status = "active" if view.active else "deactivated"
                typer.echo(f"{view.username}\t{view.display_name}\t{view.role}\t{','.join(view.brands)}\t{status}")

    asyncio.run(run())
