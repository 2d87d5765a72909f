"""The comment form: required fields, limits and errors in plain Finnish, input kept."""

import pytest

from insights.models import Comment
from tests.factories import comment_data
from tests.form_pages import label, parse

pytestmark = pytest.mark.django_db


def post(client, article, **fields):
    return client.post(article.get_absolute_url(), comment_data(**fields))


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("name", "Kirjoita nimesi."),
        ("email", "Kirjoita sähköpostiosoitteesi."),
        ("body", "Kirjoita kommenttisi."),
    ],
)
def test_each_required_field_missing_shows_its_error_and_stores_nothing(
    client, article, field, message
):
    response = post(client, article, **{field: ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    form = parse(page)
    assert form.find(id="virheet").find("a", href=f"#id_{field}")  # the summary links to it
    assert form.find(id=f"id_{field}").get("aria-invalid") == "true"
    assert Comment.objects.count() == 0


def test_the_form_marks_required_fields_and_says_so(client, article):
    page = client.get(article.get_absolute_url()).content.decode()

    assert "Pakolliset kentät on merkitty *" in page
    form = parse(page)
    for field, name in (("name", "Nimi"), ("email", "Sähköposti"), ("body", "Kommentti")):
        assert label(form, f"id_{field}") == f"{name}*"
        assert form.find(id=f"id_{field}").has_attr("required")


def test_bad_email_is_refused_with_an_example_of_a_good_one(client, article):
    response = post(client, article, email="maija(at)example")

    assert "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi." in response.content.decode()
    assert Comment.objects.count() == 0


def test_overlong_name_and_comment_are_refused_and_the_text_is_kept(client, article):
    long_body = "Pitkä pohdinta. " * 313  # 5,008 characters
    response = post(client, article, name="N" * 101, body=long_body)

    page = response.content.decode()
    assert "Nimi voi olla enintään 100 merkkiä (nyt 101)." in page
    assert "Kommentti voi olla enintään 5000 merkkiä (nyt 5007)." in page
    assert long_body.strip() in page  # nothing typed is lost
    assert "N" * 101 in page
    assert Comment.objects.count() == 0


def test_input_is_kept_when_one_field_fails(client, article):
    response = post(client, article, email="", body="Tämä teksti ei saa kadota.")

    page = response.content.decode()
    assert "Tämä teksti ei saa kadota." in page
    assert parse(page).find("input", attrs={"name": "name"})["value"] == "Maija Meikäläinen"


def test_fields_have_no_maxlength_that_would_cut_pasted_text(client, article):
    page = client.get(article.get_absolute_url()).content.decode()

    assert "maxlength" not in page
