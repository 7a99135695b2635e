"""The ``heine-ai`` command line: one module per command group, assembled here into ``app`` (the entry point).

Every command reports an ``AppError`` as ``error: ...`` with exit code 2 (``errors.reports_errors``); commands that
need the running service build it with the composition root (``state.running_state``).
"""

from __future__ import annotations

import typer

from heine_ai.cli.agents import agents_app
from heine_ai.cli.backup import backup, restore
from heine_ai.cli.db import db_app
from heine_ai.cli.email import email_app
from heine_ai.cli.keys import keys_app
from heine_ai.cli.knowledge import ingest, knowledge_app
from heine_ai.cli.lab import eval_app, train_app
from heine_ai.cli.privacy import privacy_app
from heine_ai.cli.server import serve
from heine_ai.cli.setup import brands, keygen, show_config, token
from heine_ai.cli.smoke import smoke
from heine_ai.observability.logging import configure_logging

app = typer.Typer(help="Heine AI: customer communication for the retailer's brands.", no_args_is_help=True)


@app.callback()
def _setup() -> None:
    """Human-readable warnings for commands; ``serve`` switches to the configured JSON logs."""
    configure_logging("WARNING", "console")


app.command()(serve)
app.command()(ingest)
app.command()(brands)
app.command()(token)
app.command()(keygen)
app.command("config")(show_config)
app.command()(smoke)
app.command()(backup)
app.command()(restore)
app.add_typer(db_app, name="db")
app.add_typer(knowledge_app, name="knowledge")
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(email_app, name="email")
app.add_typer(agents_app, name="agents")
app.add_typer(privacy_app, name="privacy")
app.add_typer(keys_app, name="keys")
