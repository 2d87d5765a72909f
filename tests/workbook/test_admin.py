"""Editors keep the statements and questions in the admin, in three languages; others cannot."""

import pytest
from django.utils import translation

from workbook.models import ReflectionQuestion, Statement

pytestmark = pytest.mark.django_db


def test_the_migration_creates_twelve_statements_two_per_theme(db):
    statements = list(Statement.objects.active().select_related("theme"))

    assert len(statements) == 12
    per_theme = {}
    for statement in statements:
        per_theme.setdefault(statement.theme.slug, []).append(statement)
    assert len(per_theme) == 6
    assert all(len(items) == 2 for items in per_theme.values())
    assert len({statement.order for statement in statements}) == 12


def test_the_migration_creates_questions_for_every_theme(db):
    themes = set(ReflectionQuestion.objects.active().values_list("theme__slug", flat=True))

    assert len(themes) == 6
    assert ReflectionQuestion.objects.count() >= 12


def test_an_editor_can_change_a_statement(editor_client):
    statement = Statement.objects.first()
    address = f"/admin/workbook/statement/{statement.pk}/change/"

    assert editor_client.get(address).status_code == 200
    response = editor_client.post(
        address,
        {
            "theme": statement.theme_id,
            "text_fi": "Kysymme toisiltamme apua.",
            "text_sv": "Vi ber varandra om hjälp.",
            "text_en": "",
            "order": 5,
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "Kysymme toisiltamme apua."
    with translation.override("sv"):
        assert statement.text == "Vi ber varandra om hjälp."
    with translation.override("en"):
        assert statement.text == "Kysymme toisiltamme apua."  # not written: Finnish


def test_an_editor_sees_statements_and_questions_in_order(editor_client):
    page = editor_client.get("/admin/workbook/statement/").content.decode()
    first, second = Statement.objects.all()[:2]

    assert page.index(first.text) < page.index(second.text)
    assert editor_client.get("/admin/workbook/reflectionquestion/").status_code == 200


def test_an_editor_can_add_a_question_and_it_is_asked(editor_client, client):
    from workbook.models import Workbook

    statement = Statement.objects.first()
    editor_client.post(
        "/admin/workbook/reflectionquestion/add/",
        {
            "theme": statement.theme_id,
            "text_fi": "Mitä kiitämme toisiamme?",
            "order": 1,
            "is_active": "on",
        },
    )
    workbook = Workbook.start(Workbook.Mode.SOLO)

    page = client.get(f"/tyokirja/{workbook.token}/mika-on-tarkeaa/").content.decode()

    assert "Mitä kiitämme toisiamme?" in page


def test_a_retired_statement_is_no_longer_asked(client, db):
    from workbook.models import Workbook

    statement = Statement.objects.first()
    statement.is_active = False
    statement.save()
    workbook = Workbook.start(Workbook.Mode.SOLO)

    page = client.get(f"/tyokirja/{workbook.token}/missa-olemme/").content.decode()

    assert statement.text not in page


def test_anonymous_visitors_cannot_reach_the_admin(client):
    response = client.get("/admin/workbook/statement/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_staff_without_permission_cannot_change_statements(client, staff_without_permission):
    client.force_login(staff_without_permission)

    assert client.get("/admin/workbook/statement/").status_code == 403
