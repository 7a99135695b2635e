"""Which AI disclosure (EU AI Act Art. 50) a conversation was opened under: a short hash of the text shown.

The chat widget shows ``widget.ai_notice`` in its header and as the first message; the assistant's e-mails end
with ``texts.mail_ai_disclosure`` (German and English); a call opens with ``phone.texts.ai_notice``. Every
conversation stores the version of the text its channel shows, so a later change of the brand file never leaves
unclear what a customer was told.
"""

from __future__ import annotations

import hashlib

from heine_ai.config.brands import BrandConfig
from heine_ai.messages import Channel

VERSION_LENGTH = 12


def disclosure_text(brand: BrandConfig, channel: str) -> str:
    """The disclosure a customer of ``channel`` sees: the mail footer (both languages) or the widget's notice."""
    if channel == Channel.EMAIL:
        return brand.texts.mail_ai_disclosure + "\n" + brand.texts_en.mail_ai_disclosure
    if channel == Channel.PHONE and brand.phone is not None:
        return brand.phone.texts.ai_notice.format(brand=brand.display_name)
    return brand.widget.ai_notice


def disclosure_version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def disclosure_versions(brands: dict[str, BrandConfig]) -> dict[tuple[str, str], str]:
    """The version of every brand's disclosure per channel, computed once when the state is built."""
    return {
        (brand.id, channel.value): disclosure_version(disclosure_text(brand, channel))
        for brand in brands.values()
        for channel in Channel
    }
