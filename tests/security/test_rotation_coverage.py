"""A key rotation must reach every encrypted column: a new ``_enc`` column left out of the list stays under the
old key, and removing that key later would make its rows unreadable."""

from __future__ import annotations

from heine_ai.db.key_rotation import ENCRYPTED_COLUMNS
from heine_ai.db.models import Base


def test_every_encrypted_column_is_rotated() -> None:
    encrypted = {
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.name.endswith("_enc")
    }
    rotated = {f"{column.class_.__tablename__}.{column.key}" for _, column in ENCRYPTED_COLUMNS}
    assert encrypted - rotated == set()
