"""The page of a login-free form is one copy for every reader: no CSRF token, no cookie, and
marked for a shared cache in front (nginx); only the time-trap token differs, minted as the
page is served. A workbook's page stays private."""

import re

import pytest
from django.test import Client

from tests.form_pages import parse
from tests.login_free_forms import FORMS, address
from tests.workbook.helpers import url
from workbook.models import Workbook

pytestmark = pytest.mark.django_db
TIME_TRAP = re.compile(r'name="aloitettu" value="[^"]*"')


@pytest.mark.parametrize("name", FORMS)
def test_two_readers_get_the_same_page_but_for_the_time_trap(article, name):
    miss = Client().get(address(name, article))
    hit = Client().get(address(name, article))

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    page = parse(hit.content.decode())
    assert page.find("form", attrs={"method": "post"}).find("input", attrs={"name": "aloitettu"})
    assert not page.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert not miss.cookies and not hit.cookies
    assert TIME_TRAP.sub("", miss.content.decode()) == TIME_TRAP.sub("", hit.content.decode())
    for response in (miss, hit):
        assert "public" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]


def test_a_workbook_page_in_the_page_cache_is_never_shared():
    team = Workbook.start(Workbook.Mode.TEAM, "Tiimi")
    Client().get(url("summary", team))

    hit = Client().get(url("summary", team))

    assert hit["X-Page-Cache"] == "hit"
    assert "no-store" in hit["Cache-Control"] and "public" not in hit["Cache-Control"]


def test_a_page_the_cache_does_not_keep_is_not_marked_for_sharing(editor_client, article):
    response = editor_client.get(article.get_absolute_url())

    assert "public" not in response.get("Cache-Control", "")
