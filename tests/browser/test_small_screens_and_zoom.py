"""Every page reflows (WCAG 1.4.10 and 1.4.4): no sideways scrolling on a 320 px wide phone, nor
with the text at 200 % in a 640 px wide window (a 1 280 px screen zoomed to 200 %).

Wide data tables scroll inside their own box, which WCAG allows; the page itself must not.
"""

from tests.browser.a11y import every_state, horizontal_overflow, tour


def test_every_page_reflows_at_320_px_and_with_the_text_at_200_percent(
    chromium, live_server, site_content
):
    context = chromium.new_context(locale="fi-FI", viewport={"width": 320, "height": 640})
    page = context.new_page()

    def check(state):
        page.set_viewport_size({"width": 320, "height": 640})
        problems = [f"at 320 px: {problem}" for problem in horizontal_overflow(page)]
        # The same page in a 640 px window whose reader has set the text size to 32 px.
        page.set_viewport_size({"width": 640, "height": 800})
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"
        problems += [f"text at 200 %: {problem}" for problem in horizontal_overflow(page)]
        return problems

    report = tour(page, live_server.url, every_state(site_content), check)
    context.close()
    assert not report, f"Pages that scroll sideways:\n{report}"
