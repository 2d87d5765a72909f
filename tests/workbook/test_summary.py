"""Step 4: answers by theme, an SVG chart with a text alternative, and a printable page."""

import re

import pytest

from tests.form_pages import parse, text
from tests.page_checks import stylesheets
from tests.workbook.helpers import add_participant, assessment_data, themes_under, url
from valoa.models import Theme
from workbook.models import Experiment, Level, ReflectionAnswer, ReflectionQuestion, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client, solo, statements):
    levels = {
        statement.pk: Level.NOT_YET if statement.theme.slug == "dialogi" else Level.WELL
        for statement in statements
    }
    levels[statements[0].pk] = Level.PARTLY
    notes = {statements[0].pk: "Näin kävi maanantaina."}
    client.post(url("assessment", solo), assessment_data(statements, levels, notes))
    question = ReflectionQuestion.objects.get(text__startswith="Miten voisimme kuunnella")
    ReflectionAnswer.objects.create(
        round=solo.current_round(), question=question, text="Sovimme puheenvuoroista."
    )
    return solo


def test_the_chart_is_server_rendered_svg_with_a_text_alternative(client, answered):
    page = parse(client.get(url("summary", answered)).content.decode())

    svg = page.find("svg", class_="chart")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "kaavio-otsikko kaavio-kuvaus"
    assert svg.find("title", id="kaavio-otsikko")
    assert "Dialogi: 1,0." in text(svg.find("desc"))  # the values in words
    bars = svg.find_all("rect", class_="chart-bar")
    assert len(bars) == 6
    # SVG numbers are written with a dot whatever the language of the page.
    for bar in bars:
        assert re.fullmatch(r"\d+(\.\d+)?", bar["width"])
    table = page.find("table", class_="theme-table")
    assert text(table.caption) == "Teemojen tulokset taulukkona"
    dialogue = table.find("th", string="Dialogi")
    assert text(dialogue.find_next_sibling("td", class_="num")) == "2"


def test_the_summary_shows_answers_notes_and_reflections_by_theme(client, answered, statements):
    page = client.get(url("summary", answered)).content.decode()

    dialogue = text(parse(page).find(id="yhteenveto-dialogi").find_parent("section"))
    dialogue_statements = Statement.objects.filter(theme__slug="dialogi")
    for statement in dialogue_statements:
        assert statement.text in dialogue
    assert "Ei vielä toteudu" in dialogue
    assert "Sovimme puheenvuoroista." in dialogue
    assert "Näin kävi maanantaina." in page


def test_strongest_and_weakest_themes_are_named(client, answered):
    page = client.get(url("summary", answered)).content.decode()

    assert ("/teemat/dialogi/", "Dialogi (1,0)") in themes_under(page, "Eniten kehitettävää on")


def test_when_all_themes_are_equal_none_is_called_weakest(client, solo, statements):
    client.post(url("assessment", solo), assessment_data(statements, Level.PARTLY))

    page = client.get(url("summary", solo)).content.decode()

    assert "Teemojen välillä ei ole eroja" in page
    assert "Eniten kehitettävää on" not in page


def test_the_team_summary_shows_counts_not_people(client, team, statements):
    for level in (Level.NOT_YET, Level.WELL, Level.WELL):
        add_participant(team, statements, level, note="Yksityinen ajatus")

    page = client.get(url("summary", team)).content.decode()

    assert "Ei vielä toteudu: 1 · Toteutuu osittain: 0 · Toteutuu jo hyvin: 2" in page
    assert "Yksityinen ajatus" not in page
    assert "3 vastaajaa" in page


def test_the_summary_has_a_print_stylesheet_and_a_print_button_for_javascript(client, answered):
    page = client.get(url("summary", answered)).content.decode()

    assert any("css/workbook.css" in sheet for sheet in stylesheets(parse(page)))
    button = parse(page).find("button", attrs={"data-print": True})
    assert button.has_attr("hidden")
    assert "Ctrl + P" in page  # the way to print without JavaScript


def test_the_print_stylesheet_gives_a_clean_a4(settings):
    css = (settings.BASE_DIR / "static" / "css" / "workbook.css").read_text()
    print_rules = css.split("@media print", 1)[1]

    assert "size: A4" in print_rules
    for hidden in (".site-header", ".workbook-steps", ".step-actions", ".print-hint"):
        assert hidden in print_rules
    assert "break-inside: avoid" in print_rules


def test_the_experiment_plan_is_part_of_the_summary(client, answered):
    Experiment.objects.create(
        round=answered.current_round(), what="Kävelypalaveri", success_signs="Hymyjä"
    )

    page = client.get(url("summary", answered)).content.decode()

    plan = text(parse(page).find(id="kokeilu-otsikko").find_parent("section"))
    assert "Kävelypalaveri" in plan
    assert "Hymyjä" in plan


def test_a_plan_for_a_theme_names_it_beside_the_answers_by_theme(client, answered):
    dialogue = Theme.objects.get(slug="dialogi")
    Experiment.objects.create(round=answered.current_round(), focus=dialogue, what="Kuuntelu")

    page = parse(client.get(url("summary", answered)).content.decode())

    plan = page.find(id="kokeilu-otsikko").find_parent("section")
    focus = plan.find("dt", string="Mitä teemaa kokeilu kehittää?")
    assert text(focus.find_next("dd")) == "Dialogi"
    answers = text(page.find(id="yhteenveto-dialogi").find_parent("section"))
    assert "Sovimme puheenvuoroista." in answers
    assert len(page.find_all("section", class_="summary-theme")) == 6


def test_an_unanswered_workbook_has_a_summary_that_says_what_to_do(client, solo):
    page = client.get(url("summary", solo)).content.decode()

    assert "Vaiheeseen 1 ei ole vielä vastattu." in page
    assert parse(page).find("svg") is None
