"""Theme names and the workbook's statements and questions are shown in the reader's language
(Swedish and English written by the project, editable in the admin); Finnish where missing."""

import pytest

from tests.form_pages import parse
from valoa.models import Theme
from workbook.models import Workbook

pytestmark = pytest.mark.django_db


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "statement", "question"),
    [
        (
            "",
            "Kokeilemme rohkeasti uusia tapoja tehdä työtä.",
            "Keneltä muualta voisimme oppia?",
        ),
        ("/sv", "Vi prövar modigt nya sätt att arbeta.", "Vem annanstans kunde vi lära oss av?"),
        ("/en", "We boldly try out new ways of working.", "Who else could we learn from?"),
    ],
)
def test_the_workbook_asks_in_the_readers_language(client, prefix, statement, question):
    workbook = Workbook.start(Workbook.Mode.SOLO)

    assert statement in page(client, f"{prefix}/tyokirja/{workbook.token}/missa-olemme/")
    assert question in page(client, f"{prefix}/tyokirja/{workbook.token}/mika-on-tarkeaa/")


@pytest.mark.parametrize(
    ("prefix", "name"),
    [("", "Jaettu johtajuus"), ("/sv", "Delat ledarskap"), ("/en", "Shared leadership")],
)
def test_theme_names_follow_the_language_in_the_case_filters(client, prefix, name):
    assert name in page(client, f"{prefix}/innostu/")


def test_a_theme_without_a_swedish_name_shows_the_finnish_one(client):
    Theme.objects.filter(slug="dialogi").update(name_sv=None)

    assert "Dialogi" in page(client, "/sv/innostu/")


def test_an_editor_writes_a_theme_in_three_languages_in_the_admin(editor_client, client):
    theme = Theme.objects.get(slug="dialogi")
    assert "Jaettu johtajuus" in editor_client.get("/admin/valoa/theme/").content.decode()
    address = f"/admin/valoa/theme/{theme.pk}/change/"
    form = parse(editor_client.get(address).content.decode())
    assert form.find(attrs={"name": "name_sv"}) and form.find(attrs={"name": "name_en"})

    response = editor_client.post(
        address,
        {
            "name_fi": "Dialogi",
            "name_sv": "Samtal",
            "name_en": "Conversation",
            "slug": "dialogi",
            "description_fi": "Kuunnellaan ja kysytään.",
            "description_sv": "",
            "description_en": "",
            "order": theme.order,
        },
    )

    assert response.status_code == 302
    assert "Samtal" in page(client, "/sv/innostu/")
    assert "Conversation" in page(client, "/en/innostu/")
