"""A reader comments in a real browser; an editor approves; the comment is then public."""

import re

import pytest
from playwright.sync_api import expect

from insights.models import Comment
from tests.factories import make_article


@pytest.fixture
def article_url(live_server):
    article = make_article(title="Selainartikkeli", slug="selainartikkeli")
    return live_server.url + article.get_absolute_url()


def test_errors_are_summarised_focused_and_the_input_is_kept(page, article_url):
    page.goto(article_url)
    page.get_by_label("Nimi").fill("Maija")
    page.get_by_label(re.compile("^Kommentti")).fill("Tämän tekstin pitää säilyä.")
    page.get_by_role("button", name="Lähetä kommentti").click()

    summary = page.locator("#virheet")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Sähköposti: Kirjoita sähköpostiosoitteesi.")
    expect(page.get_by_label(re.compile("^Kommentti"))).to_have_value("Tämän tekstin pitää säilyä.")
    expect(page.get_by_label("Nimi")).to_have_value("Maija")
    expect(page.get_by_label(re.compile("^Sähköposti"))).to_have_attribute("aria-invalid", "true")

    summary.get_by_role("link").click()
    expect(page.get_by_label(re.compile("^Sähköposti"))).to_be_focused()
    assert Comment.objects.count() == 0


def test_success_says_what_happens_next_and_approval_makes_it_public(
    page, article_url, live_server, editor, chromium
):
    page.goto(article_url)
    page.get_by_label("Nimi").fill("Maija Meikäläinen")
    page.get_by_label(re.compile("^Sähköposti")).fill("maija@example.fi")
    page.get_by_label(re.compile("^Kommentti")).fill("Kierros ennen keskustelua toimi meillä.")
    page.get_by_role("button", name="Lähetä kommentti").click()

    expect(page.get_by_text("näkyy muille, kun ylläpito on tarkistanut sen")).to_be_visible()
    expect(page.locator("#oma-kommentti")).to_contain_text("Odottaa tarkistusta")
    assert "maija@example.fi" not in page.content()

    # Another reader does not see it yet.
    other = chromium.new_context().new_page()
    other.goto(article_url)
    expect(other.get_by_text("Kierros ennen keskustelua")).to_have_count(0)

    # The editor approves it in the admin.
    admin = chromium.new_context().new_page()
    admin.goto(live_server.url + "/admin/")
    admin.get_by_label("Käyttäjätunnus").fill("toimittaja")
    admin.get_by_label("Salasana").fill("salasana-pitka-123")
    admin.get_by_role("button", name=re.compile("Kirjaudu")).click()
    expect(admin.locator("#moderointi")).to_contain_text("Maija Meikäläinen")
    admin.goto(live_server.url + "/admin/insights/comment/?status__exact=pending")
    admin.locator("input[name=_selected_action]").first.check()
    admin.locator("select[name=action]").select_option("approve")
    admin.get_by_role("button", name=re.compile("Suorita")).click()
    expect(admin.locator(".messagelist")).to_contain_text("hyväksytty")

    other.goto(article_url)
    expect(other.get_by_text("Kierros ennen keskustelua toimi meillä.")).to_be_visible()
