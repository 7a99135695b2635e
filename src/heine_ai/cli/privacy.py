"""``heine-ai privacy ...``: a customer's export and erasure, and one run of the retention job (docs/security.md)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.cli.state import running_state
from heine_ai.errors import ValidationFailed
from heine_ai.privacy.subjects import Subject, SubjectKind

privacy_app = typer.Typer(help="GDPR requests (export, erasure) and the retention job.", no_args_is_help=True)

CustomerId = Annotated[str | None, typer.Option("--customer-id", help="The shop's customer number.")]
Email = Annotated[str | None, typer.Option("--email", help="The address the customer wrote from.")]
Session = Annotated[str | None, typer.Option("--session", help="A conversation's session id.")]
ACTOR = "cli"  # the audit's actor: whoever holds the machine's configuration


def subjects_of(customer_id: str | None, email: str | None, session: str | None) -> list[Subject]:
    given = [
        Subject(kind, value)
        for kind, value in (
            (SubjectKind.CUSTOMER_ID, customer_id),
            (SubjectKind.EMAIL, email),
            (SubjectKind.SESSION, session),
        )
        if value
    ]
    if not given:
        raise ValidationFailed("Name the person by --customer-id, --email or --session (or several of them).")
    return given


@privacy_app.command("export")
@reports_errors
def export(
    customer_id: CustomerId = None,
    email: Email = None,
    session: Session = None,
    output: Annotated[Path | None, typer.Option(help="Write the JSON here (mode 0600) instead of stdout.")] = None,
) -> None:
    """Everything held about a person, as one JSON document (messages decrypted)."""
    subjects = subjects_of(customer_id, email, session)

    async def run() -> None:
        async with running_state() as state:
            document = await state.privacy.export(subjects, ACTOR)
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if output is None:
            typer.echo(text)
        else:
            output.touch(mode=0o600)
            output.write_text(text + "\n", encoding="utf-8")
            typer.echo(f"exported {len(document['conversations'])} conversations to {output}")

    asyncio.run(run())


@privacy_app.command("erase")
@reports_errors
def erase(
    customer_id: CustomerId = None,
    email: Email = None,
    session: Session = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase a person's data everywhere; business correspondence is restricted until its legal period ends."""
    subjects = subjects_of(customer_id, email, session)
    if not yes:
        typer.confirm("Erase everything held about this person? This cannot be undone", abort=True)

    async def run() -> None:
        async with running_state() as state:
            receipt = await state.privacy.erase(subjects, ACTOR)
        typer.echo(json.dumps(receipt.to_json(), ensure_ascii=False, indent=2))

    asyncio.run(run())


@privacy_app.command("retention")
@reports_errors
def retention() -> None:
    """Run the retention job once (the service runs it every RETENTION_INTERVAL seconds)."""

    async def run() -> None:
        async with running_state() as state:
            deleted = await state.retention.run()
        for (brand, kind), count in sorted(deleted.items()):
            typer.echo(f"{brand}\t{kind}\t{count}")
        typer.echo(f"deleted {sum(deleted.values())}")

    asyncio.run(run())
