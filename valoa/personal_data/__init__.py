"""Personal data across the site: find, export and erase everything linked to an email address,
and delete what has outlived its retention period. Apps declare their own in their AppConfig
(`personal_data`, `retention`). The editors' view is views.py, its action log models.py."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.crypto import salted_hmac

from valoa.apps import contributed


@dataclass(frozen=True)
class PersonalDataSource:
    label: str
    find: Callable[[str], list[dict]]  # JSON-ready records linked to the address
    erase: Callable[[str], int]  # anonymise or delete them; returns how many


@dataclass(frozen=True)
class RetentionRule:
    label: str
    apply: Callable[[datetime], int]  # delete what is past its time; returns how many


def find_all(email: str) -> dict[str, list[dict]]:
    return {source.label: source.find(email) for source in contributed("personal_data")}


def erase_all(email: str) -> dict[str, int]:
    return {source.label: source.erase(email) for source in contributed("personal_data")}


def apply_retention(now: datetime) -> dict[str, int]:
    return {rule.label: rule.apply(now) for rule in contributed("retention")}


def email_digest(email: str) -> str:
    """A keyed hash of an address: the action log proves what was done without keeping it."""
    return salted_hmac("valoa.personal-data", email.strip().lower()).hexdigest()[:32]
