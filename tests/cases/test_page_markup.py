"""Every Innostu page: one h1, landmarks, labelled fields, no inline scripts or styles (CSP)."""

import re

import pytest

from tests.factories import make_case, make_submission, story_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client):
    case = make_case(themes=["dialogi"])
    make_case(themes=["dialogi"])
    submission = make_submission()
    asked = make_submission(title="Pyydetty")
    asked.request_changes("Lisää esimerkkejä, kiitos.")
    return {
        "/innostu/": client.get("/innostu/").content.decode(),
        "/innostu/?laji=kokeilu": client.get("/innostu/?laji=kokeilu").content.decode(),
        case.get_absolute_url(): client.get(case.get_absolute_url()).content.decode(),
        "/innostu/kerro/": client.get("/innostu/kerro/").content.decode(),
        "/innostu/kerro/ (errors)": client.post(
            "/innostu/kerro/", story_data(name="")
        ).content.decode(),
        "/innostu/kerro/kiitos/": client.get(
            "/innostu/kerro/kiitos/?tila=" + submission.status_token()
        ).content.decode(),
        "status": client.get(submission.status_path()).content.decode(),
        "withdraw": client.get(submission.status_path() + "peru/").content.decode(),
        "erasure": client.get(submission.status_path() + "poista/").content.decode(),
        "edit": client.get(asked.status_path() + "muokkaa/").content.decode(),
    }


def test_every_page_has_exactly_one_h1_inside_the_main_landmark(pages):
    for address, page in pages.items():
        assert len(re.findall(r"<h1[ >]", page)) == 1, address
        main = page.split('<main id="sisalto"', 1)[1].split("</main>", 1)[0]
        assert "<h1" in main, address


def test_no_page_has_inline_scripts_or_style_attributes(pages):
    for address, page in pages.items():
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), address
        assert not re.search(r"\sstyle=\"", page), address
        assert "css/cases.css" in page, address


def test_every_visible_field_has_a_label(pages):
    for address in ("/innostu/", "/innostu/kerro/", "edit"):
        page = pages[address]
        fields = re.findall(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"', page)
        hidden = set(re.findall(r'<input type="hidden"[^>]*\bid="([^"]+)"', page))
        for field_id in set(fields) - hidden:
            assert f'for="{field_id}"' in page, (address, field_id)


def test_private_pages_are_kept_out_of_search_engines(pages):
    for address in ("/innostu/kerro/kiitos/", "status", "withdraw", "erasure", "edit"):
        assert '<meta name="robots" content="noindex">' in pages[address], address
    assert "noindex" not in pages["/innostu/"]
