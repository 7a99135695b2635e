"""Customer-facing texts whose defaults live in YAML files under ``config/defaults/``, not in code.

A brand file overrides single sentences; every sentence it leaves out comes from the defaults, read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any, ClassVar, Self

import yaml
from pydantic import BaseModel, ConfigDict, model_validator


@cache
def read_defaults(name: str) -> dict[str, str]:
    """The texts of the packaged defaults file ``name`` (e.g. ``texts.de.yaml``)."""
    data = yaml.safe_load((files("heine_ai.config") / "defaults" / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(value, str) for value in data.values()):
        raise ValueError(f"heine_ai/config/defaults/{name}: must map names to texts")
    return data


class DefaultedTexts(BaseModel):
    """Texts whose missing fields are filled from ``DEFAULTS``, files applied in order (later ones win)."""

    model_config = ConfigDict(extra="forbid")

    DEFAULTS: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="before")
    @classmethod
    def _fill_defaults(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        merged: dict[str, Any] = {}
        for name in cls.DEFAULTS:
            merged.update(read_defaults(name))
        return {**merged, **data}

    @classmethod
    def default(cls) -> Self:
        """The defaults alone (a brand file without this block)."""
        return cls.model_validate({})
