"""Every saved version of an article or case is kept with who and when; an editor restores one."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from insights.models import Article
from tests.factories import make_article, make_case, theme
from tests.valoa.admin_forms import resubmit

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["article", "case"])
def content(request):
    if request.param == "article":
        article = make_article(title="Alkuperäinen otsikko", status=Article.Status.DRAFT)
        article.themes.set([theme("dialogi")])
        return article
    return make_case(title="Alkuperäinen otsikko", themes=["dialogi"])


def admin_url(obj, view: str, *args) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def history_rows(client, obj) -> list[list[str]]:
    page = BeautifulSoup(client.get(admin_url(obj, "history")).content, "html.parser")
    rows = page.find(id="change-history").tbody.find_all("tr")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in rows]


def test_each_saved_change_is_kept_with_who_made_it(client, editor, content):
    client.force_login(editor)
    before = len(history_rows(client, content))
    response = resubmit(client, admin_url(content, "change"), title="Uusi otsikko")
    assert response.status_code == 302

    rows = history_rows(client, content)
    assert len(rows) == before + 1
    newest, earlier = rows[0], rows[1]
    assert newest[1] == "Uusi otsikko" and earlier[1] == "Alkuperäinen otsikko"
    assert newest[3:5] == ["Muutettu", editor.username]
    assert "Otsikko" in newest[5].split(", ")


def test_an_editor_restores_an_earlier_version_with_its_themes(client, editor, content):
    client.force_login(editor)
    resubmit(
        client,
        admin_url(content, "change"),
        title="Uusi otsikko",
        themes=[str(theme("jaettu-johtajuus").pk)],
    )
    first = content.history.filter(title="Alkuperäinen otsikko").first()  # newest such

    response = resubmit(client, admin_url(content, "simple_history", first.history_id))

    assert response.status_code == 302
    content.refresh_from_db()
    assert content.title == "Alkuperäinen otsikko"
    assert [t.slug for t in content.themes.all()] == ["dialogi"]
    assert content.theme_ids == [theme("dialogi").pk]  # what pages show (shown_themes)
    assert content.history.first().history_user == editor


def test_content_saved_before_history_keeps_its_state_as_the_first_version():
    from django.apps import apps

    from valoa.history import record_current_versions

    article = make_article(title="Ennen historiaa")
    article.themes.set([theme("dialogi")])
    article.history.all().delete()  # as the rows were when the migration ran

    record_current_versions(apps, "insights", "Article")

    version = article.history.get()
    assert version.title == "Ennen historiaa"
    assert [row.theme.slug for row in version.themes.all()] == ["dialogi"]


def test_restoring_a_case_keeps_its_current_image(client, editor, settings, tmp_path):
    from pathlib import Path

    from tests.factories import png_bytes, upload

    settings.MEDIA_ROOT = tmp_path
    case = make_case(title="Kuvallinen", image=upload("eka.png", png_bytes()), image_alt="Eka")
    client.force_login(editor)
    first = case.history.first()
    case.image = upload("toka.png", png_bytes())
    case.image_alt = "Toka"
    case.save()
    current = case.image.name

    response = resubmit(client, admin_url(case, "simple_history", first.history_id))

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.image.name, case.image_alt) == (current, "Toka")
    assert Path(case.image.path).exists()
