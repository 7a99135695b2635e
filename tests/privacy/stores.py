"""Every store the service keeps customer data in, read raw, for the markers a test seeded.

Encrypted values are decrypted wherever they are found (any Fernet token in the raw bytes, live or in free
pages), so a marker hidden in ciphertext counts as much as one in clear.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

from redis import Redis

from heine_ai.app_state import AppState
from heine_ai.errors import ConfigError
from tests.support.servers import REDIS_URL, require

FERNET = re.compile(rb"gAAAAA[A-Za-z0-9_\-]+=*")


def tokens(raw: bytes) -> Iterator[str]:
    """Every string in ``raw`` that may be a Fernet token. A token of 57 + 16k bytes without base64 padding runs on
    into the bytes stored after it, so each match is cut at every length a token can have."""
    for match in set(FERNET.findall(raw)):
        for blocks in range(1, (len(match) * 3 // 4 - 57) // 16 + 1):
            length = 4 * -(-(57 + 16 * blocks) // 3)
            yield match[:length].decode("ascii")


def hits(raw: bytes, markers: Iterable[bytes], state: AppState) -> list[str]:
    """Which markers occur in ``raw``, in clear or inside any Fernet token it holds."""
    found = [f"clear:{m.decode()}" for m in markers if m in raw]
    for token in tokens(raw):
        try:
            plain = state.cipher.decrypt(token).encode("utf-8")
        except ConfigError:  # not a token of this key (or not a token)
            continue
        found += [f"encrypted:{m.decode()}" for m in markers if m in plain]
    return sorted(set(found))


def files_under(folder: Path) -> bytes:
    """Every file below ``folder`` (the database with its WAL, the vector store, anything in the data dir)."""
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def database_dump(state: AppState) -> bytes:
    url = state.settings.database_url
    if url.startswith("sqlite"):
        database = Path(url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    require(shutil.which("pg_dump") is not None, "pg_dump is not installed")
    return subprocess.run(["pg_dump", url], capture_output=True, check=True).stdout


def redis_dump() -> bytes:
    """Every key of the Redis server and every string, hash, list and set value (all tests' keys: the markers are
    unique to one test)."""
    client = Redis.from_url(REDIS_URL)
    parts: list[bytes] = []
    try:
        for key in client.scan_iter(count=1000):
            parts.append(key)
            kind = client.type(key)
            if kind == b"string":
                parts.append(client.get(key) or b"")
            elif kind == b"hash":
                parts += [b for pair in client.hgetall(key).items() for b in pair]
            elif kind == b"list":
                parts += client.lrange(key, 0, -1)
            elif kind == b"zset":
                parts += client.zrange(key, 0, -1)
            elif kind == b"set":
                parts += list(client.smembers(key))
    finally:
        client.close()
    return b"\n".join(parts)
