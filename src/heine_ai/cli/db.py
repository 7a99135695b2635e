"""``heine-ai db ...``: database migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.config import load_settings

db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)


@db_app.command("upgrade")
@reports_errors
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply the database migrations (creates the SQLite file if needed)."""
    from heine_ai.db.migrate import upgrade

    upgrade(load_settings().database_url, revision)
    typer.echo(f"database at {revision}")
