"""``python -m heine_ai`` runs the command line."""

from heine_ai.cli import app

app()
