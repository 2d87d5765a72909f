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

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data; restore migration-made rows (themes, the
            # editors group) after each test's flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("VALOA_REQUIRE_BROWSER"):
            pytest.fail(f"Browser tests are required here but there is no Chromium at {CHROMIUM}")
        pytest.skip(f"No Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server, settings):
    """A fresh browser tab; `page.goto(live_server.url + path)` to visit the site."""
    settings.FORM_MIN_SECONDS = 0
    context = chromium.new_context(locale="fi-FI")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
