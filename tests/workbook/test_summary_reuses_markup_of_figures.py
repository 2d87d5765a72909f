"""The summary's chart, comparison and statement rows are kept as markup by what they show
({% memo %} with the view's figures as keys): new figures or another language make them
anew, the same figures are not rendered again, and nobody's own texts (notes, reflections)
are kept."""

import pytest
from django.template import Context, Template

from tests.form_pages import parse, text
from tests.workbook.helpers import add_participant, assessment_data, url
from workbook.models import Level, ReflectionAnswer, ReflectionQuestion, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def test_the_same_values_reuse_the_markup_and_new_ones_render_it_anew():
    template = Template("{% load valoa_tags %}{% memo key %}{{ shown }}{% endmemo %}")

    def rendered(key, shown) -> str:
        return template.render(Context({"key": key, "shown": shown}))

    assert rendered({"rows": [("a", 1)]}, "first") == "first"
    assert rendered({"rows": [("a", 1)]}, "second") == "first"  # the key says nothing changed
    assert rendered({"rows": [("a", 2)]}, "third") == "third"


def chart_values(page: str) -> str:
    return text(parse(page).find("desc", id="kaavio-kuvaus"))


def test_changed_answers_and_notes_show_at_once(client, solo, statements):
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL))
    page = client.get(url("summary", solo)).content.decode()
    assert "Dialogi: 3,0." in chart_values(page)

    notes = {statements[0].pk: "Uusi ajatus."}
    client.post(url("assessment", solo), assessment_data(statements, Level.NOT_YET, notes))

    page = client.get(url("summary", solo)).content.decode()
    assert "Dialogi: 1,0." in chart_values(page)
    answers = text(parse(page).find(id="yhteenveto-dialogi").find_parent("section"))
    assert "Ei vielä toteudu" in answers and "Toteutuu jo hyvin" not in answers
    assert "Uusi ajatus." in page


def test_notes_and_reflections_are_not_kept_in_memory(client, solo, statements):
    """Markup kept in a process's memory is a copy that erasure would not reach."""
    from valoa.templatetags.valoa_tags import _memo

    question = ReflectionQuestion.objects.active().first()
    ReflectionAnswer.objects.create(round=solo.current_round(), question=question, text="Pohdinta.")
    notes = {statements[0].pk: "Oma muistiinpano."}
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL, notes))

    page = client.get(url("summary", solo)).content.decode()

    assert "Oma muistiinpano." in page and "Pohdinta." in page
    kept = repr(list(_memo.items()))
    assert "Oma muistiinpano." not in kept and "Pohdinta." not in kept


def test_a_new_publication_of_a_team_shows_at_once(client, team, statements, settings):
    settings.WORKBOOK_TEAM_THRESHOLD = 1
    add_participant(team, statements, Level.WELL)
    team.current_round().publish_if_due()
    assert "Dialogi: 3,0." in chart_values(client.get(url("summary", team)).content.decode())

    add_participant(team, statements, Level.NOT_YET)
    team.current_round().publish_if_due()

    page = client.get(url("summary", team)).content.decode()
    assert "Dialogi: 2,0." in chart_values(page)
    assert "Ei vielä toteudu: 1 · Toteutuu osittain: 0 · Toteutuu jo hyvin: 1" in page


def test_each_language_has_its_own_markup(client, solo, statements):
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL))
    finnish = client.get(url("summary", solo)).content.decode()
    swedish = client.get("/sv" + url("summary", solo)).content.decode()

    caption = parse(finnish).find("table", class_="theme-table").caption
    assert text(caption) == "Teemojen tulokset taulukkona"
    assert text(parse(swedish).find("table", class_="theme-table").caption) != text(caption)


def test_edited_and_retired_statements_show_at_once(client, solo, statements):
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL))
    client.get(url("summary", solo))
    edited, retired = (Statement.objects.get(pk=item.pk) for item in statements[:2])
    edited.text = "Kysymme toisiltamme neuvoa joka viikko."
    edited.save()
    retired.is_active = False
    retired.save()

    page = client.get(url("summary", solo)).content.decode()

    assert "Kysymme toisiltamme neuvoa joka viikko." in page
    assert statements[1].text not in page


def test_edited_and_retired_questions_show_at_once(client, solo):
    edited, retired = ReflectionQuestion.objects.active()[:2]
    for question in (edited, retired):
        ReflectionAnswer.objects.create(
            round=solo.current_round(), question=question, text=f"Vastaus {question.pk}."
        )
    assert f"Vastaus {retired.pk}." in client.get(url("summary", solo)).content.decode()
    edited.text = "Mitä opimme tällä viikolla?"
    edited.save()
    retired.is_active = False
    retired.save()

    page = client.get(url("summary", solo)).content.decode()

    assert "Mitä opimme tällä viikolla?" in page and f"Vastaus {edited.pk}." in page
    assert f"Vastaus {retired.pk}." not in page
