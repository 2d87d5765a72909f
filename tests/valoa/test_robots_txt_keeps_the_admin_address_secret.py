"""The admin's address (ADMIN_PATH) is meant to be hard to find: robots.txt does not name it,
and the admin's own pages tell crawlers to keep out."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_does_not_name_the_admin_address(client, settings):
    robots = client.get("/robots.txt").content.decode()

    assert settings.ADMIN_PATH.strip("/") not in robots


def test_the_admin_login_page_says_noindex(client):
    page = client.get("/admin/login/").content.decode()

    assert '<meta name="robots" content="NONE,NOARCHIVE">' in page
