"""Every page of the story form and the status link: one h1, landmarks, labelled fields, no
inline scripts or styles (CSP), and the private ones kept out of search engines."""

import pytest

from tests import page_checks
from tests.factories import make_submission, story_data
from tests.form_pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client):
    submission = make_submission()
    asked = make_submission(title="Pyydetty")
    asked.request_changes("Lisää esimerkkejä, kiitos.")
    html = {
        "/innostu/kerro/": client.get("/innostu/kerro/"),
        "/innostu/kerro/ (errors)": client.post("/innostu/kerro/", story_data(name="")),
        "/innostu/kerro/kiitos/": client.get(
            "/innostu/kerro/kiitos/?tila=" + submission.status_token()
        ),
        "status": client.get(submission.status_path()),
        "withdraw": client.get(submission.status_path() + "peru/"),
        "erasure": client.get(submission.status_path() + "poista/"),
        "edit": client.get(asked.status_path() + "muokkaa/"),
    }
    return {address: parse(response.content.decode()) for address, response in html.items()}


def test_every_page_has_one_h1_in_main_no_inline_scripts_or_styles_and_its_css(pages):
    for address, page in pages.items():
        assert page_checks.broken_rules(page) == [], address
        assert any(href.endswith("css/cases.css") for href in page_checks.stylesheets(page))


def test_every_visible_field_has_a_label(pages):
    for address in ("/innostu/kerro/", "/innostu/kerro/ (errors)", "edit"):
        assert pages[address].find("textarea"), address
        assert page_checks.unlabelled_fields(pages[address]) == [], address


def test_private_pages_are_kept_out_of_search_engines(pages):
    for address in ("/innostu/kerro/kiitos/", "status", "withdraw", "erasure", "edit"):
        assert page_checks.kept_out_of_search_engines(pages[address]), address
    assert not page_checks.kept_out_of_search_engines(pages["/innostu/kerro/"])


def test_the_status_page_says_what_became_of_the_story(pages):
    heading = pages["status"].find(id="tila-otsikko")
    assert " ".join(heading.get_text().split()) == "Tila: Vastaanotettu"
