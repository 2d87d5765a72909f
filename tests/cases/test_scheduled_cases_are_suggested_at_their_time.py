"""A case scheduled for later is not suggested on another case's page before its time; from
its time on it is, sharing themes like any other."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.cases.test_related_cases import related_titles
from tests.factories import make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def test_a_scheduled_case_is_suggested_from_its_time_on(client):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        case = make_case(title="Päätapaus", themes=["dialogi", "jaettu-johtajuus"])
        make_case(title="Yksi yhteinen", themes=["dialogi"])
        make_case(
            title="Tuleva, kaksi yhteistä",
            themes=["dialogi", "jaettu-johtajuus"],
            published_at=timezone.now() + timedelta(minutes=3),
        )

        assert related_titles(client, case) == ["Yksi yhteinen"]

        clock.shift(timedelta(minutes=3, seconds=1))

        assert related_titles(client, case) == ["Tuleva, kaksi yhteistä", "Yksi yhteinen"]
