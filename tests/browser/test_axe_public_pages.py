"""axe-core finds no WCAG 2.1 A/AA violations on any page a reader opens by a link."""

from tests.browser.a11y import axe_violations, public_pages, tour


def test_every_public_page_passes_axe(page, live_server, site_content):
    states = public_pages(site_content)
    report = tour(page, live_server.url, states, lambda state: axe_violations(page))
    assert not report, f"axe-core found WCAG 2.1 A/AA violations:\n{report}"
