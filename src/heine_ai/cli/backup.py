"""``heine-ai backup`` and ``heine-ai restore``: the database into a folder, the keys into another.

The keys never go into the backup folder: whoever holds a backup and its keys reads every stored message, so they
belong in different places (docs/operations.md, "Backups and restore").
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.config import load_settings
from heine_ai.errors import ConfigError
from heine_ai.security.secrets import ENCRYPTION_FILE, JWT_FILE, LOOKUP_FILE

KEY_FILES = (ENCRYPTION_FILE, JWT_FILE)  # and LOOKUP_FILE where the installation has its own lookup-hash key


def _separate(backup: Path, keys: Path) -> None:
    backup, keys = backup.resolve(), keys.resolve()
    if backup == keys or backup in keys.parents or keys in backup.parents:
        raise ConfigError("keep the keys apart from the backup: --keys-to must be outside the backup folder")


def _write_secret(path: Path, value: str) -> None:
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")


@reports_errors
def backup(
    folder: Annotated[Path, typer.Argument(help="A new or empty folder for the database backup.")],
    keys_to: Annotated[
        Path | None,
        typer.Option(help="Also write the encryption key, lookup-hash key and JWT secret here (never inside FOLDER)."),
    ] = None,
) -> None:
    """Back up the database while the service runs (SQLite online backup, or pg_dump), and the keys apart."""
    from heine_ai.db.backup import backup_database
    from heine_ai.security.secrets import resolve_secrets

    settings = load_settings()
    if keys_to is not None:
        _separate(folder, keys_to)
    manifest = backup_database(settings.database_url, folder)
    typer.echo(f"database ({manifest.database}) backed up to {folder / manifest.file}")
    if keys_to is None:
        typer.echo("keys not written (--keys-to): without the encryption key the backup's messages cannot be read")
        return
    secrets = resolve_secrets(settings)
    keys_to.mkdir(mode=0o700, parents=True, exist_ok=True)
    _write_secret(keys_to / ENCRYPTION_FILE, secrets.encryption_key)
    _write_secret(keys_to / JWT_FILE, secrets.jwt_secret)
    if secrets.lookup_hash_key is not None:
        _write_secret(keys_to / LOOKUP_FILE, secrets.lookup_hash_key)
    typer.echo(f"keys written to {keys_to}: store them apart from the backup")


@reports_errors
def restore(
    folder: Annotated[Path, typer.Argument(help="A folder written by heine-ai backup.")],
    keys_from: Annotated[
        Path | None, typer.Option(help="Put these keys (written by backup --keys-to) into KEYS_DIR.")
    ] = None,
    replace: Annotated[bool, typer.Option(help="Overwrite an existing database (and differing key files).")] = False,
) -> None:
    """Restore a backup into the configured database, migrate it, and clear the knowledge bookkeeping so that
    ``heine-ai ingest`` rebuilds the vector store. Stop the service first."""
    from heine_ai.db.backup import forget_knowledge, restore_database
    from heine_ai.db.migrate import upgrade

    settings = load_settings()
    if keys_from is not None:
        _restore_keys(keys_from, settings.resolved_keys_dir, replace=replace)
        if settings.encryption_key or settings.jwt_secret_key:
            typer.echo("note: ENCRYPTION_KEY / JWT_SECRET_KEY are set and win over the restored key files")
    manifest = asyncio.run(restore_database(folder, settings.database_url, replace=replace))
    upgrade(settings.database_url)
    forgotten = asyncio.run(forget_knowledge(settings.database_url))
    typer.echo(f"database ({manifest.database}) of {manifest.created_at} restored and migrated")
    typer.echo(f"{forgotten} knowledge documents to index again: run heine-ai ingest <brand> for every brand")


def _restore_keys(source: Path, target: Path, *, replace: bool) -> None:
    values = {}
    for name in KEY_FILES:
        if not (source / name).is_file():
            raise ConfigError(f"{source / name} is missing")
        values[name] = (source / name).read_text(encoding="ascii").strip()
    if (source / LOOKUP_FILE).is_file():
        values[LOOKUP_FILE] = (source / LOOKUP_FILE).read_text(encoding="ascii").strip()
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name, value in values.items():
        existing = target / name
        if existing.exists() and existing.read_text(encoding="ascii").strip() != value and not replace:
            raise ConfigError(f"{existing} holds another key; restore with --replace to overwrite it")
        _write_secret(existing, value)
