"""The story form: every required field, the limits, errors in plain Finnish, input kept."""

import pytest

from stories.models import Submission
from tests.factories import story_data
from tests.form_pages import group_legend, label, legends, parse, text

pytestmark = pytest.mark.django_db

FORM = "/innostu/kerro/"


def post(client, **fields):
    return client.post(FORM, story_data(**fields))


@pytest.mark.parametrize(
    ("field", "link", "message"),
    [
        ("name", "id_name", "Kirjoita nimesi."),
        ("email", "id_email", "Kirjoita sähköpostiosoitteesi."),
        ("organisation", "id_organisation", "Kirjoita organisaatiosi nimi."),
        (
            "kind",
            "id_kind_0",
            "Valitse, onko kertomuksesi tapausesimerkki, kokeilu vai lyhyt idea.",
        ),
        ("title", "id_title", "Anna kertomukselle otsikko."),
        ("story", "id_story", "Kirjoita kertomuksesi."),
        (
            "consent",
            "id_consent",
            "Merkitse suostumus, jotta toimitus voi ottaa sinuun yhteyttä ja muokata tekstiä "
            "julkaisua varten.",
        ),
    ],
)
def test_each_required_field_missing_shows_its_error_and_stores_nothing(
    client, field, link, message
):
    response = post(client, **{field: ""})

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    summary = parse(page).find(id="virheet")  # the error summary at the top of the form
    assert summary.find("a", href=f"#{link}")  # …links to the field
    assert parse(page).find(attrs={"aria-invalid": "true"})
    assert Submission.objects.count() == 0


def test_the_form_marks_required_fields_and_says_so(client, db):
    page = client.get(FORM).content.decode()

    assert "Pakolliset kentät on merkitty *" in page
    form = parse(page)
    for field, name in (
        ("name", "Nimi"),
        ("email", "Sähköposti"),
        ("organisation", "Organisaatio"),
        ("title", "Otsikko"),
        ("story", "Kertomus"),
    ):
        assert label(form, f"id_{field}") == f"{name}*"
    assert group_legend(form, "id_kind_0") == "Kertomuksen laji*"
    for field, name in (
        ("phone", "Puhelin"),
        ("role", "Tehtävä tai rooli"),
        ("attachment", "Liite"),
    ):
        assert label(form, f"id_{field}") == name
    assert group_legend(form, "id_themes_0") == "Teemat"


def test_choices_are_grouped_in_fieldsets_with_legends(client, db):
    form = parse(client.get(FORM).content.decode())

    for legend in ("Sinun tietosi", "Kokemuksesi", "Suostumus"):
        assert legend in legends(form)
    kinds = form.find_all("input", attrs={"name": "kind"})
    assert [kind["type"] for kind in kinds] == ["radio"] * 3
    themes = form.find_all("input", attrs={"name": "themes"})
    assert len(themes) == 6
    assert {theme["type"] for theme in themes} == {"checkbox"}
    assert label(form, themes[3]["id"]) == "Dialogi"
    # The help text of the group is read with its legend.
    fieldset = themes[0].find_parent("fieldset")
    help_id = fieldset["aria-describedby"]
    assert "Voit jättää tyhjäksi" in form.find(id=help_id).get_text()


def test_the_form_says_a_story_may_become_a_public_document_and_links_to_privacy(client, db):
    page = client.get(FORM).content.decode()

    assert "Kertomus voi olla julkinen asiakirja" in page
    form = parse(page).find("form", method="post")
    assert text(form.find("a", href="/tietosuoja/")) == "Lue, miten käsittelemme tietojasi."
    assert form["enctype"] == "multipart/form-data"


def test_a_story_over_ten_thousand_characters_is_refused_and_kept(client, db):
    story = "Pitkä kertomus. " * 626  # 10,016 characters

    response = post(client, story=story)

    page = response.content.decode()
    assert "Kertomus voi olla enintään 10000 merkkiä (nyt 10015)." in page
    assert story.strip() in page
    assert Submission.objects.count() == 0


def test_a_story_of_exactly_ten_thousand_characters_is_accepted(client, db):
    response = post(client, story="x" * 10_000)

    assert response.status_code == 302
    assert len(Submission.objects.get().story) == 10_000


def test_bad_email_and_phone_get_examples_of_good_ones(client, db):
    response = post(client, email="maija(at)example", phone="soita iltaisin")

    page = response.content.decode()
    assert "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi." in page
    assert "Kirjoita puhelinnumero numeroina, esimerkiksi 040 123 4567" in page
    assert Submission.objects.count() == 0


def test_input_is_kept_and_the_attachment_must_be_chosen_again(client, db):
    response = post(
        client, name="", story="Tämä kertomus ei saa kadota.", themes=["4"], kind="idea"
    )

    page = response.content.decode()
    assert "Tämä kertomus ei saa kadota." in page
    assert 'value="maija@example.fi"' in page
    assert parse(page).find(id="id_kind_2").has_attr("checked")
    assert "Jos valitsit liitetiedoston, valitse se uudelleen" in page


def test_optional_fields_may_be_left_empty(client, db):
    response = post(client, phone="", role="", themes=[])

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.phone == ""
    assert submission.status == Submission.Status.NEW
    assert submission.consent is True


def test_fields_have_no_maxlength_that_would_cut_pasted_text(client, db):
    assert "maxlength" not in client.get(FORM).content.decode()
