"""Fixtures of the privacy tests: the e-mail channel's real mail servers (the erasure test seeds mails too) and
the command line's installation."""

from tests.channels.email.conftest import mail_servers, shop  # noqa: F401 (the e-mail fixtures)
from tests.handoff.test_cli_and_feed import cli_env  # noqa: F401 (an installation the command line uses)
