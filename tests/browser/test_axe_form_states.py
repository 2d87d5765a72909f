"""axe-core finds no WCAG 2.1 A/AA violations after a form is sent: errors, success, next pages."""

from tests.browser.a11y import axe_violations, form_states, tour


def test_every_form_state_passes_axe(page, live_server, site_content):
    states = form_states(site_content)
    report = tour(page, live_server.url, states, lambda state: axe_violations(page))
    assert not report, f"axe-core found WCAG 2.1 A/AA violations:\n{report}"
