"""The home page screenshots in docs/screenshots/, for the README.

With the demo site running (`make run`):  .venv/bin/python -m tests.browser.screenshots
Another address: .venv/bin/python -m tests.browser.screenshots http://127.0.0.1:8001
"""

import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTHS = {"etusivu-1280.png": 1280, "etusivu-360.png": 360}


def main(base: str = "http://127.0.0.1:8000") -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900}, locale="fi-FI")
            page.goto(base + "/", wait_until="networkidle")
            # Lazy images below the fold load only when scrolled to: load them all first.
            page.evaluate(
                "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
            )
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(FOLDER / name), full_page=True)
            page.close()
            # 256 colours are plenty for a calm page, and keep the repository small.
            with Image.open(FOLDER / name) as shot:
                shot.quantize(256).save(FOLDER / name, optimize=True)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
