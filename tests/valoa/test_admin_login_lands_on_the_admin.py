"""After logging in to the admin an editor lands on the admin, also when the login link's
`next` points somewhere unsafe (another site), never on a missing page; a safe `next` is
still followed."""

import pytest

pytestmark = pytest.mark.django_db


def log_in(client, next_url: str):
    response = client.post(
        f"/admin/login/?next={next_url}",
        {"username": "toimittaja", "password": "salasana-pitka-123", "next": next_url},
    )
    client.logout()
    return response


def test_an_unsafe_next_lands_on_the_admin_index_and_a_safe_one_is_followed(client, editor):
    for unsafe in ["https://evil.example/", "//evil.example/", "javascript:1"]:
        response = log_in(client, unsafe)
        assert response.status_code == 302
        assert response["Location"] == "/admin/", unsafe

    assert log_in(client, "/admin/insights/comment/")["Location"] == "/admin/insights/comment/"
