"""Tiny helpers that read settings from the environment and reject bad values loudly."""

import os
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name).lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off: {value!r}")


def env_int(name: str, default: int | None, minimum: int = 0) -> int | None:
    value = env_str(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number: {value!r}") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}: {number}")
    return number


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
}


class EmailSettings(NamedTuple):
    """Django's EMAIL_* settings (the defaults are Django's own)."""

    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False
    timeout: int | None = None


def parse_email_url(url: str) -> EmailSettings:
    """`smtp://user:pass@host:25`, `submission://…:587` (STARTTLS), `smtps://…:465`, `console:`."""
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme must be one of {', '.join(sorted(EMAIL_BACKENDS))}: {url!r}"
        )
    backend = EMAIL_BACKENDS[parts.scheme]
    if parts.scheme in {"console", "locmem"}:
        return EmailSettings(backend)
    if not parts.hostname:
        raise ImproperlyConfigured(f"EMAIL_URL needs a host: {url!r}")
    default_port = {"smtp": 25, "submission": 587, "smtps": 465}[parts.scheme]
    query = parse_qs(parts.query)
    return EmailSettings(
        backend,
        host=parts.hostname,
        port=parts.port or default_port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=parts.scheme == "submission",
        use_ssl=parts.scheme == "smtps",
        timeout=int(query.get("timeout", ["10"])[0]),
    )
