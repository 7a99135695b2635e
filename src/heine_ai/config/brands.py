"""The brands: one ``config/brands/<brand>.yaml`` each: identity, voice, knowledge, tickets, mailbox, phone line."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from heine_ai.config.actions import ActionConfig
from heine_ai.config.email import EmailConfig, merge_email_env
from heine_ai.config.files import load_yaml_mapping
from heine_ai.config.handoff import HandoffConfig
from heine_ai.config.phone import PhoneConfig
from heine_ai.config.retention import RetentionConfig
from heine_ai.config.texts import BrandTexts, EnglishBrandTexts
from heine_ai.config.widget import EnglishWidgetTexts, WidgetTexts
from heine_ai.errors import ConfigError

log = logging.getLogger(__name__)

# Keys earlier versions read and nothing used (the voice is always formal "Sie"; escalations go to the console):
# a brand file written for them still loads, with a warning, instead of being refused as unknown.
RETIRED_KEYS = ("tone", "escalation_contact")
DOMAIN = re.compile(r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")


class BrandConfig(BaseModel):
    """One brand: its identity, its voice and where its knowledge lives."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,40}[a-z0-9]$")
    display_name: str = Field(min_length=1)
    language: Literal["de", "en"] = "de"
    greeting: str = Field(min_length=1)
    signature: str = Field(min_length=1)
    knowledge_path: Path
    texts: BrandTexts = Field(default_factory=BrandTexts.default)
    texts_en: EnglishBrandTexts = Field(default_factory=EnglishBrandTexts.default)
    handoff: HandoffConfig = Field(default_factory=HandoffConfig)
    retention: RetentionConfig = Field(default_factory=RetentionConfig)
    widget: WidgetTexts = Field(default_factory=WidgetTexts.default)
    widget_en: EnglishWidgetTexts = Field(default_factory=EnglishWidgetTexts.default)
    email: EmailConfig | None = None
    phone: PhoneConfig | None = None
    actions: ActionConfig = Field(default_factory=ActionConfig)
    # host names knowledge ingestion may fetch from for this brand (a name also allows its subdomains); empty:
    # any public host. Checked on every URL and every redirect (knowledge/outbound.py)
    knowledge_domains: list[str] = Field(default_factory=list)

    @field_validator("knowledge_domains")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        domains = [domain.strip().lower().rstrip(".") for domain in value]
        for domain in domains:
            if not DOMAIN.fullmatch(domain):
                raise ValueError(f"'{domain}' is not a host name (e.g. heine.de or cms.intranet)")
        return domains

    def texts_for(self, language: str) -> BrandTexts:
        """The brand's sentences in the customer's language (German unless the customer wrote English)."""
        return self.texts_en if language == "en" else self.texts


def load_brand(path: Path) -> BrandConfig:
    data = load_yaml_mapping(path)
    data.setdefault("id", path.stem)
    if data["id"] != path.stem:
        raise ConfigError(f"{path}: field 'id' is '{data['id']}' but the file is named for '{path.stem}'")
    for key in RETIRED_KEYS:
        if data.pop(key, None) is not None:
            log.warning("brand_key_retired: %s: '%s' is no longer read and is ignored", path, key)
    merge_email_env(str(data["id"]), data)
    try:
        return BrandConfig.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{path}: field '{'.'.join(str(part) for part in error['loc'])}': {error['msg']}" for error in exc.errors()
        ]
        raise ConfigError("; ".join(problems)) from exc


def load_brands(directory: Path) -> dict[str, BrandConfig]:
    """All brands in ``directory``; at least one must exist."""
    if not directory.is_dir():
        raise ConfigError(f"{directory}: brand directory not found")
    brands = {path.stem: load_brand(path) for path in sorted(directory.glob("*.yaml"))}
    if not brands:
        raise ConfigError(f"{directory}: no brand file (<brand>.yaml) found")
    return brands
