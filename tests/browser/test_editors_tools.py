"""Editors' everyday tools in a real browser: the preview of a draft, content that appears at
its publishing time, the author page, and an admin that fits a 1280 px screen."""

import time

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Case
from insights.models import Article
from tests.browser.a11y import axe_violations
from tests.factories import make_article, make_author, make_case, make_comment, make_submission

# Boxes in the admin's content whose content is cut off or must be scrolled sideways (form
# controls and visually hidden captions hold their text by design), and the page itself.
CLIPPED = """() => [...document.querySelectorAll("#content *")]
    .filter(el => !el.closest(".visually-hidden, input, textarea, select, button"))
    .filter(el => el.scrollWidth > el.clientWidth + 1
        && getComputedStyle(el).overflowX !== "visible")
    .map(el => `${el.tagName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`)
    .concat(document.documentElement.scrollWidth > innerWidth ? ["the page"] : [])"""


def log_in(page, base: str, user: User) -> None:
    """The browser carries the editor's session (the login form has tests of its own)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base}])


def test_editor_previews_a_draft_and_a_reader_gets_not_found(page, live_server, editor):
    draft = make_article(title="Keskeneräinen oivallus", status=Article.Status.DRAFT)
    log_in(page, live_server.url, editor)
    page.goto(f"{live_server.url}/admin/insights/article/{draft.pk}/change/")

    page.get_by_role("link", name="Näytä lopputulos").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Keskeneräinen oivallus")
    expect(page.get_by_role("note")).to_contain_text("Tätä ei ole vielä julkaistu")
    assert axe_violations(page) == []

    reader = page.context.browser.new_context(locale="fi-FI").new_page()
    response = reader.goto(live_server.url + draft.get_preview_url())
    assert response.status == 404
    expect(reader.get_by_text("Keskeneräinen oivallus")).to_have_count(0)
    reader.context.close()


def test_markdown_preview_follows_the_editors_typing(page, live_server, editor):
    article = make_article(body="Vanha teksti.")
    log_in(page, live_server.url, editor)
    errors = []  # script errors, and what the Content Security Policy refused
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: "Content Security Policy" in m.text and errors.append(m.text))
    page.goto(f"{live_server.url}/admin/insights/article/{article.pk}/change/")
    preview = page.get_by_role("region", name="Esikatselu kirjoittaessa")
    expect(preview).to_contain_text("Vanha teksti.")

    page.get_by_label("Leipäteksti").fill("# Uusi otsikko\n\nUusi **tärkeä** kappale.")

    expect(preview.get_by_role("heading", level=2)).to_have_text("Uusi otsikko")
    expect(preview.locator("strong")).to_have_text("tärkeä")
    assert errors == []


def test_scheduled_case_appears_by_itself_at_its_time(page, live_server):
    make_case(title="Jo julkaistu esimerkki")
    appears = timezone.now() + timezone.timedelta(seconds=4)
    make_case(title="Ajastettu esimerkki", published_at=appears, status=Case.Status.PUBLISHED)
    cards = page.locator("main h2 a, main h3 a")

    page.goto(live_server.url + "/innostu/")
    page.reload()  # from the page cache now
    expect(cards.filter(has_text="Jo julkaistu esimerkki")).to_have_count(1)
    expect(cards.filter(has_text="Ajastettu esimerkki")).to_have_count(0)

    time.sleep(max(0, (appears - timezone.now()).total_seconds()) + 0.5)
    page.reload()

    expect(cards.filter(has_text="Ajastettu esimerkki")).to_have_count(1)
    assert axe_violations(page) == []


def test_reader_follows_the_author_box_to_the_author_page(page, live_server):
    author = make_author(
        name="Aino Esimerkki",
        slug="aino-esimerkki",
        job_title="kehittämisasiantuntija",
        organisation="Esimerkkivirasto",
        bio="Aino vetää työyhteisöjen kehittämishankkeita.",
    )
    article = make_article(title="Dialogi arjessa", author=author)
    make_article(title="Toinen kirjoitus", author=author)

    page.goto(live_server.url + article.get_absolute_url())
    box = page.get_by_role("complementary", name="Kirjoittaja")
    expect(box).to_contain_text("kehittämisasiantuntija, Esimerkkivirasto")
    box.get_by_role("link", name="Aino Esimerkki").click()

    expect(page).to_have_url(live_server.url + "/kirjoittajat/aino-esimerkki/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aino Esimerkki")
    articles = page.get_by_role("region", name="Kirjoittajan artikkelit")
    expect(articles.get_by_role("heading", level=3)).to_have_text(
        ["Dialogi arjessa", "Toinen kirjoitus"]
    )
    assert axe_violations(page) == []


def test_admin_lists_fit_a_1280_px_screen(page, live_server, editor):
    article = make_article(title="Pitkä otsikko " * 6)
    make_comment(article, body="Pitkä kommentti " * 20)
    make_case(title="Esimerkki, jolla on hyvin pitkä otsikko " * 3)
    make_submission(title="Kertomus, jolla on pitkä otsikko " * 3)
    admin = User.objects.create_superuser("paakayttaja", "p@example.fi", "salasana-pitka-123")
    log_in(page, live_server.url, admin)
    page.set_viewport_size({"width": 1280, "height": 900})
    clipped = []
    for path in [
        "/admin/",
        "/admin/insights/article/",
        "/admin/insights/comment/",
        "/admin/insights/author/",
        "/admin/cases/case/",
        "/admin/cases/submission/",
        "/admin/valoa/outboxmessage/",
        f"/admin/insights/article/{article.pk}/change/",
        f"/admin/insights/article/{article.pk}/history/",
        "/admin/henkilotiedot/?email=p%40example.fi",
    ]:
        page.goto(live_server.url + path)
        clipped += [f"{path}: {what}" for what in page.evaluate(CLIPPED)]
    assert clipped == [], "\n".join(clipped)
