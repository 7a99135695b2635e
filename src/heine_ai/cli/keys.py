"""``heine-ai keys ...``: re-encrypt and re-hash the stored data under new keys (docs/security.md, "Keys")."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.config import load_settings

keys_app = typer.Typer(help="Key rotation: re-encrypt and re-hash the stored data.", no_args_is_help=True)


async def _run(write: bool, batch_size: int) -> Counter[str]:
    from heine_ai.db import key_rotation
    from heine_ai.db.engine import create_engine, create_session_factory
    from heine_ai.security.crypto import Cipher
    from heine_ai.security.secrets import resolve_secrets

    settings = load_settings()
    secrets = resolve_secrets(settings)
    engine = create_engine(settings.database_url)
    try:
        cipher = Cipher(secrets.encryption_key, secrets.lookup_hash_key)
        return await key_rotation.rotate(create_session_factory(engine), cipher, write=write, batch_size=batch_size)
    finally:
        await engine.dispose()


def _print(counts: Counter[str], verb: str) -> None:
    unreadable = sum(n for name, n in counts.items() if name.endswith(":unreadable"))
    kept = sum(n for name, n in counts.items() if name.endswith(":kept"))
    for name, count in sorted(counts.items()):
        if count:
            typer.echo(f"{name}\t{count}")
    if kept:
        typer.echo(
            f"{kept} sender hashes of mails without a conversation stay as they are: keep their lookup key listed "
            "until the retention job has deleted those mails (docs/security.md, Keys)"
        )
    changed = sum(counts.values()) - unreadable - kept
    typer.echo(f"{changed} values {verb}, {unreadable} unreadable with the configured keys")
    if unreadable:
        raise typer.Exit(code=1)


@keys_app.command("rotate")
@reports_errors
def rotate(
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per transaction.")] = 500,
) -> None:
    """Re-encrypt every value with the first ENCRYPTION_KEY and re-hash every lookup hash with the first
    LOOKUP_HASH_KEY, in batches, while the service runs. Then the older keys may be removed."""
    started = time.perf_counter()
    counts = asyncio.run(_run(True, batch_size))
    typer.echo(f"took {time.perf_counter() - started:.1f} s")
    _print(counts, "rewritten")


@keys_app.command("status")
@reports_errors
def status() -> None:
    """Count the values not yet under the first keys (what `keys rotate` would rewrite); exit 1 if any value
    is unreadable with the configured keys."""
    _print(asyncio.run(_run(False, 500)), "to rewrite")


@keys_app.command("legacy-lookup-key")
@reports_errors
def legacy_lookup_key() -> None:
    """Print the lookup-hash key an installation without LOOKUP_HASH_KEY uses (derived from the last
    ENCRYPTION_KEY): list it after a new LOOKUP_HASH_KEY until `keys rotate` has run."""
    from heine_ai.security.crypto import legacy_lookup_key as derive
    from heine_ai.security.secrets import resolve_secrets

    typer.echo(derive(resolve_secrets(load_settings()).encryption_key))
