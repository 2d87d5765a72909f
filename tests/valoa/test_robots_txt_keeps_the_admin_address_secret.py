"""The admin's address (ADMIN_PATH) is meant to be hard to find: robots.txt does not name it
(the admin's own pages tell crawlers to keep out)."""

import pytest

from tests.form_pages import parse

pytestmark = pytest.mark.django_db


def test_robots_txt_does_not_name_the_admin_address(client, settings):
    robots = client.get("/robots.txt").content.decode()
    login = client.get(f"/{settings.ADMIN_PATH}login/").content.decode()

    assert settings.ADMIN_PATH.strip("/") not in robots
    assert parse(login).find("meta", attrs={"name": "robots", "content": "NONE,NOARCHIVE"})


def test_robots_txt_follows_a_changed_site_address(client, settings):
    client.get("/robots.txt")
    settings.SITE_URL = "https://valoa.example.fi"

    robots = client.get("/robots.txt").content.decode()

    assert "Sitemap: https://valoa.example.fi/sitemap.xml" in robots
    assert "Disallow: /sv/haku/" in robots
