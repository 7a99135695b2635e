"""Backups of the relational data: SQLite through its online backup API, PostgreSQL through pg_dump/pg_restore.

A backup is a folder with the database (``database.sqlite`` or ``database.pgdump``) and ``manifest.json``; it
never holds the keys (the CLI writes those to a folder of their own). The vector store is not backed up: after a
restore the knowledge bookkeeping is cleared (``forget_knowledge``), so that ``heine-ai ingest`` embeds every
document again (chunk ids follow from brand, source and content, so re-ingesting overwrites rather than
duplicates what a surviving vector store still holds).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import delete, func, select, text

from heine_ai import __version__
from heine_ai.db.engine import create_engine
from heine_ai.db.models import KnowledgeDocument
from heine_ai.errors import ConfigError

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite"
PG_DUMP_FILE = "database.pgdump"
Kind = Literal["sqlite", "postgresql"]


@dataclass(frozen=True, slots=True)
class Manifest:
    created_at: str
    version: str
    database: Kind
    file: str


def database_kind(url: str) -> Kind:
    scheme = url.split("://", 1)[0].split("+", 1)[0]
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgresql", "postgres"):
        return "postgresql"
    raise ConfigError(f"no backup for databases of kind {scheme}")


def libpq_url(url: str) -> str:
    """The URL as pg_dump and pg_restore take it (no SQLAlchemy driver name)."""
    return "postgresql://" + url.split("://", 1)[1]


def sqlite_path(url: str) -> Path:
    return Path(url.split(":///", 1)[1])


def _tool(name: str) -> str:
    executable = shutil.which(name)
    if executable is None:
        raise ConfigError(f"{name} is not installed (Debian package postgresql-client, the server's version or newer)")
    return executable


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own arguments
    if done.returncode != 0:
        raise ConfigError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")


def backup_database(url: str, folder: Path) -> Manifest:
    """Write a consistent copy of the database into ``folder`` (created; must be empty) while the service runs."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise ConfigError(f"the backup folder {folder} is not empty")
    kind = database_kind(url)
    if kind == "sqlite":
        source_file = sqlite_path(url)
        if not source_file.exists():
            raise ConfigError(f"no database at {source_file}")
        source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
        (folder / SQLITE_FILE).touch(mode=0o600)
        target = sqlite3.connect(folder / SQLITE_FILE)
        try:
            source.backup(target)  # page by page; writers go on, the copy is one consistent snapshot
        finally:
            target.close()
            source.close()
        file = SQLITE_FILE
    else:
        file = PG_DUMP_FILE
        dump = [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={folder / file}"]
        _run([*dump, f"--dbname={libpq_url(url)}"])
    manifest = Manifest(datetime.now(UTC).isoformat(timespec="seconds"), __version__, kind, file)
    (folder / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    return manifest


def read_manifest(folder: Path) -> Manifest:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return Manifest(**data)
    except (OSError, ValueError, TypeError) as exc:
        raise ConfigError(f"{folder} is not a backup ({MANIFEST} missing or unreadable)") from exc


async def _has_tables(url: str) -> bool:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            query = select(func.count()).select_from(text("pg_tables")).where(text("schemaname = 'public'"))
            return bool((await connection.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def restore_database(folder: Path, url: str, *, replace: bool) -> Manifest:
    """Put the backup in ``folder`` into the database at ``url``. An existing database is only replaced with
    ``replace``; then migrate it to this release (``heine-ai db upgrade``) and call ``forget_knowledge``."""
    manifest = read_manifest(folder)
    if database_kind(url) != manifest.database:
        raise ConfigError(f"the backup holds a {manifest.database} database; DATABASE_URL names another kind")
    if manifest.database == "sqlite":
        target_file = sqlite_path(url)
        if target_file.exists() and not replace:
            raise ConfigError(f"{target_file} exists; restore with --replace to overwrite it")
        target_file.parent.mkdir(parents=True, exist_ok=True)
        for stale in (Path(f"{target_file}-wal"), Path(f"{target_file}-shm")):
            stale.unlink(missing_ok=True)
        source = sqlite3.connect(f"file:{folder / manifest.file}?mode=ro", uri=True)
        target_file.touch(mode=0o600)
        target = sqlite3.connect(target_file)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return manifest
    if await _has_tables(url) and not replace:
        raise ConfigError("the target database has tables; restore with --replace to drop and replace them")
    restore = [_tool("pg_restore"), "--no-owner", "--no-privileges", "--clean", "--if-exists", "--exit-on-error"]
    _run([*restore, f"--dbname={libpq_url(url)}", str(folder / manifest.file)])
    return manifest


async def forget_knowledge(url: str) -> int:
    """Clear which documents are indexed, so that the next ingest embeds each one into the vector store again."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            result = await connection.execute(delete(KnowledgeDocument))
            return int(result.rowcount or 0)
    finally:
        await engine.dispose()
