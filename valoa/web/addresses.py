"""Addresses of the site's pages by name and slug, remembered: a list links to the same few
themes, and each page to its articles, again and again, and reversing a URL is the costliest
part of writing a link."""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def slug_url(name: str, slug: str) -> str:
    """`reverse(name, kwargs={"slug": slug})` in the active language."""
    return _reversed(name, slug, get_language(), get_script_prefix(), get_urlconf())


@lru_cache(maxsize=8192)
def _reversed(name: str, slug: str, language, prefix: str, urlconf) -> str:
    # The address depends on nothing else than the arguments (which reverse() reads itself).
    return reverse(name, kwargs={"slug": slug})


@receiver(setting_changed)
def _forget(**kwargs) -> None:
    """A changed setting (in tests: the URLs, the languages) may change any address."""
    _reversed.cache_clear()
