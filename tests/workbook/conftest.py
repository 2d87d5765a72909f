"""Workbook fixtures: solo and team workbooks, and answering like a person would."""

import pytest

from workbook.models import Statement, Workbook


@pytest.fixture
def statements(db) -> list[Statement]:
    """The twelve statements the data migration created, in order."""
    return list(Statement.objects.active().select_related("theme"))


@pytest.fixture
def solo(db) -> Workbook:
    return Workbook.start(Workbook.Mode.SOLO, "Asiakaspalvelu")


@pytest.fixture
def team(db) -> Workbook:
    return Workbook.start(Workbook.Mode.TEAM, "Lupapalvelut")
