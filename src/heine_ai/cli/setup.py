"""Operator utilities: ``heine-ai brands``, ``token``, ``keygen`` and ``config``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from heine_ai.cli.errors import reports_errors
from heine_ai.config import load_brands, load_settings
from heine_ai.security.tokens import Role

SECRET_SETTINGS = (
    "jwt_secret_key",
    "jwt_previous_secret_key",
    "encryption_key",
    "lookup_hash_key",
    "openai_api_key",
    "commerce_token",
)


@reports_errors
def brands() -> None:
    """List the configured brands."""
    for brand in load_brands(load_settings().brands_dir).values():
        typer.echo(f"{brand.id}\t{brand.display_name}\t{brand.language}\t{brand.knowledge_path}")


@reports_errors
def token(
    role: Annotated[Role, typer.Option(help="Role the token grants.")] = Role.ADMIN,
    subject: Annotated[str, typer.Option(help="Who the token is for.")] = "operator",
    minutes: Annotated[int, typer.Option(help="Lifetime in minutes (at most OPERATOR_TOKEN_MAX_HOURS).")] = 60,
) -> None:
    """Print a signed JWT operator token. It has no account behind it: with role admin it reaches the admin
    routes (staff accounts, knowledge, health); it never reads transcripts (docs/handoff.md)."""
    from heine_ai.errors import ValidationFailed
    from heine_ai.security.secrets import jwt_secrets
    from heine_ai.security.tokens import TokenService

    settings = load_settings()
    if not 0 < minutes <= settings.operator_token_max_hours * 60:
        raise ValidationFailed(
            f"--minutes must be between 1 and {settings.operator_token_max_hours * 60} (OPERATOR_TOKEN_MAX_HOURS)"
        )
    service = TokenService(
        jwt_secrets(settings)[0],
        algorithm=settings.jwt_algorithm,
        operator_max_hours=settings.operator_token_max_hours,
    )
    typer.echo(service.issue(subject, role, expire_seconds=minutes * 60))


def keygen() -> None:
    """Print a new ENCRYPTION_KEY (a Fernet key)."""
    from heine_ai.security.crypto import new_fernet_key

    typer.echo(new_fernet_key())


@reports_errors
def show_config() -> None:
    """Print the effective settings, secrets hidden."""
    data = load_settings().model_dump(mode="json")
    for secret in SECRET_SETTINGS:
        if data.get(secret):
            data[secret] = "***"
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
