"""Configuration: the system settings, the brand files and what they hold.

- ``settings``: ``Settings`` (environment variables over ``system.yaml`` over defaults) and ``load_settings``
- ``system_yaml``: the seed's nested ``config/system.yaml`` and its mapping onto the settings
- ``brands``: ``BrandConfig``, one ``config/brands/<brand>.yaml`` each
- ``texts``, ``widget``: the customer-facing sentences and widget labels; defaults in ``defaults/*.yaml``
- ``email``: a brand's mailbox; ``phone``: its phone line; ``handoff``: ticket priorities and SLA defaults
"""

from heine_ai.config.brands import BrandConfig, load_brand, load_brands
from heine_ai.config.email import EMAIL_ENV_FIELDS, EmailConfig, ImapConfig, SmtpConfig, TlsMode, email_env_prefix
from heine_ai.config.handoff import DEFAULT_PRIORITIES, DEFAULT_SLA_MINUTES, HandoffConfig, Priority
from heine_ai.config.phone import PhoneConfig, PhoneTexts, phone_env_prefix
from heine_ai.config.settings import (
    SEED_PLACEHOLDER_SECRETS,
    Environment,
    Settings,
    async_database_url,
    load_settings,
)
from heine_ai.config.system_yaml import DEFAULT_CONFIG_FILE, YAML_FIELDS, read_system_yaml
from heine_ai.config.texts import BrandTexts, EnglishBrandTexts
from heine_ai.config.widget import WidgetTexts

__all__ = [
    "DEFAULT_CONFIG_FILE",
    "DEFAULT_PRIORITIES",
    "DEFAULT_SLA_MINUTES",
    "EMAIL_ENV_FIELDS",
    "SEED_PLACEHOLDER_SECRETS",
    "YAML_FIELDS",
    "BrandConfig",
    "BrandTexts",
    "EmailConfig",
    "EnglishBrandTexts",
    "Environment",
    "HandoffConfig",
    "ImapConfig",
    "PhoneConfig",
    "PhoneTexts",
    "Priority",
    "Settings",
    "SmtpConfig",
    "TlsMode",
    "WidgetTexts",
    "async_database_url",
    "email_env_prefix",
    "load_brand",
    "load_brands",
    "load_settings",
    "phone_env_prefix",
    "read_system_yaml",
]
