"""After logging in to the admin an editor lands on the admin, also when the login link's
`next` points somewhere unsafe (another site), never on a missing page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", "javascript:1"])
def test_an_unsafe_next_lands_on_the_admin_index(client, editor, unsafe):
    response = client.post(
        f"/admin/login/?next={unsafe}",
        {"username": "toimittaja", "password": "salasana-pitka-123", "next": unsafe},
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_a_safe_next_is_followed(client, editor):
    response = client.post(
        "/admin/login/?next=/admin/insights/comment/",
        {"username": "toimittaja", "password": "salasana-pitka-123"},
    )

    assert response["Location"] == "/admin/insights/comment/"
