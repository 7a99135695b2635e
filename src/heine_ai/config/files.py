"""Reading the YAML configuration files (``system.yaml``, the brand files) into plain mappings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from heine_ai.errors import ConfigError


def load_yaml_mapping(path: Path) -> dict[str, Any]:
    """The top-level mapping of ``path`` (empty for an empty file); every problem names the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping")
    return data
