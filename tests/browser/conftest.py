"""Browser tests: Playwright driving the system's Chromium against pytest-django's live server.

They skip where no Chromium is installed, except when VALOA_REQUIRE_BROWSER is set (CI), where
a missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("VALOA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
            # The live server needs committed data; restore migration-made rows (themes, the
            # editors group) after each test's flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("VALOA_REQUIRE_BROWSER"):
            pytest.fail(f"Browser tests are required here but there is no Chromium at {CHROMIUM}")
        pytest.skip(f"No Chromium at {CHROMIUM}")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    # Playwright's sync API runs an event loop in this thread; the tests' ORM calls are safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        # Inside Playwright the context changes, and Django's per-context connection objects
        # are new ones: hand them the serialized test data that serialized_rollback restores.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(chromium, live_server, settings):
    """A fresh browser tab; `page.goto(live_server.url + path)` to visit the site."""
    settings.FORM_MIN_SECONDS = 0
    context = chromium.new_context(locale="fi-FI")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def site_content(settings, tmp_path):
    """Every kind of page with something on it, for the tours in tests/browser/a11y.py."""
    from tests.browser.a11y import make_site_content

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return make_site_content()
