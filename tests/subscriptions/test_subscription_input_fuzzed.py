"""Property-based: whatever is sent to /tilaa/ and its links, the answer is never a 500, and a
subscription is stored only from a valid form."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from subscriptions.models import Subscription
from tests.factories import form_data

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
FUZZ = hypothesis_settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
any_text = st.one_of(
    st.text(),
    st.sampled_from(["\x00", "\u202e", "' OR 1=1 --", "<script>", "1", "innostu", "dialogi"]),
)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATE_LIMIT_POSTS = 10**6


@FUZZ
@given(
    email=any_text, sections=st.lists(any_text, max_size=3), themes=st.lists(any_text, max_size=3)
)
def test_the_form_never_fails_and_stores_only_valid_subscriptions(client, email, sections, themes):
    before = Subscription.objects.count()

    response = client.post("/tilaa/", form_data(email=email, sections=sections, themes=themes))

    assert response.status_code in {200, 302}
    assert Subscription.objects.count() - before == (1 if response.status_code == 302 else 0)


@FUZZ
@given(theme=any_text, section=any_text, token=any_text)
def test_links_with_any_parameters_never_fail(client, theme, section, token):
    assert client.get("/tilaa/", {"teema": theme, "osio": section}).status_code == 200
    for path in ("vahvista", "peru"):
        response = client.post(f"/tilaa/{path}/{quote(token, safe='')}/")
        assert response.status_code in {200, 404}
