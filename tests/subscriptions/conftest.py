"""A real SMTP server for the subscription tests."""

from tests.smtp_server import smtp_inbox  # noqa: F401 (a fixture)
