"""Readers follow sections or themes at /tilaa/ (double opt-in) and get a weekly digest of what
is new there, in the language they subscribed in; nothing in a week with nothing new."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from subscriptions.models import Subscription
from tests.factories import form_data, make_article, make_case, theme
from tests.form_pages import parse
from tests.subscriptions.helpers import mails_to, site_link
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db


def subscribe(client, capture, email="lukija@example.fi", prefix="", **choice):
    with capture(execute=True):
        response = client.post(f"{prefix}/tilaa/", form_data(email=email, **choice))
    assert response.status_code == 302
    with capture(execute=True):
        client.post(site_link(mails_to(email)[-1].body, "/tilaa/vahvista/"))
    return Subscription.objects.get(email=email, confirmed_at__isnull=False)


def digest(email):
    return [m for m in mails_to(email) if "digest" in m.purpose]


def test_the_section_pages_offer_a_subscription_with_the_section_chosen(client):
    for page, section in (("/innostu/", "innostu"), ("/oivallukset/", "oivallukset")):
        form = parse(client.get(page).content.decode()).find("form", action="/tilaa/")
        assert form.find("input", {"name": "osio"})["value"] == section
        chosen = parse(client.get("/tilaa/", {"osio": section}).content.decode())
        assert chosen.find("input", {"name": "sections", "value": section}).has_attr("checked")
        assert not chosen.find("input", {"name": "email"}).get("value")


def test_a_theme_can_be_chosen_by_a_link(client):
    page = parse(client.get("/tilaa/", {"teema": "dialogi"}).content.decode())
    dialogue = page.find("input", {"name": "themes", "value": str(theme("dialogi").pk)})

    assert dialogue.has_attr("checked")


def test_each_themes_page_offers_a_subscription_to_that_theme(client):
    form = parse(client.get("/teemat/dialogi/").content.decode()).find("form", action="/tilaa/")

    assert form.find("input", {"name": "teema"})["value"] == "dialogi"


def test_subscribing_needs_a_choice_and_keeps_what_was_typed(client):
    response = client.post("/tilaa/", form_data(email="lukija@example.fi"))

    page = parse(response.content.decode())
    assert response.status_code == 200
    assert page.find("input", {"name": "email"})["value"] == "lukija@example.fi"
    assert "Valitse vähintään yksi osio tai teema" in page.find(id="virheet").get_text()
    assert Subscription.objects.count() == 0


def test_posting_the_same_form_twice_stores_one_subscription_and_sends_one_mail(
    client, django_capture_on_commit_callbacks
):
    data = form_data(email="lukija@example.fi", themes=[theme("dialogi").pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/tilaa/", data)
        second = client.post("/tilaa/", data)

    assert first.status_code == second.status_code == 302
    assert Subscription.objects.count() == 1
    assert len(mails_to("lukija@example.fi")) == 1


def test_an_address_held_as_spam_is_not_asked_to_confirm(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/tilaa/", form_data(email="casino@example.fi", sections=["innostu"])
        )

    assert response.status_code == 302
    assert "casino" in Subscription.objects.get().held_reason
    assert mails_to("casino@example.fi") == []


def test_unconfirmed_subscribers_get_no_digest(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/tilaa/", form_data(email="lukija@example.fi", sections=["innostu"]))
    make_case()

    call_command("send_weekly_digests")

    assert digest("lukija@example.fi") == []


def test_digest_of_what_is_new_in_what_they_follow(client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks, themes=[theme("dialogi").pk])
    subscribe(client, django_capture_on_commit_callbacks, "b@example.fi", sections=["oivallukset"])
    followed = make_case(themes=["dialogi"], title="Dialogia kunnassa")
    other = make_case(themes=["oppiminen-verkostoissa"], title="Verkostot")
    old = make_case(themes=["dialogi"], published_at=timezone.now() - timedelta(days=8))
    article = make_article(title="Kuuntelemisen taito")
    draft = make_case(themes=["dialogi"], status="draft")

    call_command("send_weekly_digests")
    call_command("send_weekly_digests")  # a second run in the same week sends nothing more

    [mail] = digest("lukija@example.fi")
    assert followed.get_absolute_url() in mail.body
    for not_followed in (other, old, article, draft):
        assert not_followed.get_absolute_url() not in mail.body
    assert mail.headers["List-Unsubscribe"].startswith("<http")
    [articles] = digest("b@example.fi")
    assert article.get_absolute_url() in articles.body and "Dialogia" not in articles.body
    assert mail.sent_at and articles.sent_at


def test_nothing_is_sent_in_a_week_with_nothing_new(client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks, sections=["innostu", "oivallukset"])
    make_case(themes=["dialogi"], published_at=timezone.now() - timedelta(days=8))

    call_command("send_weekly_digests")

    assert digest("lukija@example.fi") == []


def test_one_rendering_per_set_each_with_its_own_unsubscribe_link(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    from subscriptions import digests

    for number in range(3):
        subscribe(client, django_capture_on_commit_callbacks, f"{number}@example.fi",
                  sections=["innostu"])  # fmt: skip
    subscribe(client, django_capture_on_commit_callbacks, "sv@example.fi", "/sv",
              sections=["innostu"])  # fmt: skip
    make_case()
    renders = []
    render = digests.mail.render
    monkeypatch.setattr(digests.mail, "render", lambda *a: renders.append(a) or render(*a))

    call_command("send_weekly_digests")

    assert len(renders) == 2
    links = {site_link(digest(f"{n}@example.fi")[0].body, "/tilaa/peru/") for n in range(3)}
    assert len(links) == 3


def test_digest_in_the_language_of_the_subscription(client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks, "sv@example.fi", "/sv",
              sections=["innostu"])  # fmt: skip
    subscribe(client, django_capture_on_commit_callbacks, "en@example.fi", "/en",
              sections=["innostu"])  # fmt: skip
    case = make_case()

    call_command("send_weekly_digests")

    [swedish] = digest("sv@example.fi")
    [english] = digest("en@example.fi")
    assert swedish.subject == "Nytt i VALOA den här veckan"
    assert f"/sv/innostu/{case.slug}/" in swedish.body
    assert "/sv/tilaa/peru/" in swedish.headers["List-Unsubscribe"]
    assert english.subject == "New in VALOA this week"
    assert f"/en/innostu/{case.slug}/" in english.body
    assert OutboxMessage.objects.filter(subject__contains="Uutta").count() == 0


def test_an_address_gets_at_most_three_requests_to_confirm_a_day(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post("/tilaa/", form_data(email="kohde@example.fi", sections=["innostu"]))

    assert Subscription.objects.filter(email="kohde@example.fi").count() == 5
    assert len(mails_to("kohde@example.fi")) == 3


def test_next_weeks_run_sends_again_even_when_cron_starts_a_little_earlier(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    subscribe(client, django_capture_on_commit_callbacks, sections=["innostu"])
    make_case(published_at=timezone.now() - timedelta(days=1))
    call_command("send_weekly_digests")
    later = timezone.now() + timedelta(days=7) - timedelta(minutes=1)
    make_case(published_at=later - timedelta(days=2))

    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("send_weekly_digests")

    assert len(digest("lukija@example.fi")) == 2


@pytest.mark.parametrize("new", [1, 30])
def test_the_digests_queries_do_not_grow_with_what_is_new(
    client, django_capture_on_commit_callbacks, new
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    subscribe(client, django_capture_on_commit_callbacks, themes=[theme("dialogi").pk])
    for _ in range(new):
        make_case(themes=["dialogi", "oppiminen-verkostoissa"])
        make_article().themes.add(theme("dialogi"))

    with CaptureQueriesContext(connection) as queries:
        call_command("send_weekly_digests")

    assert len(digest("lukija@example.fi")) == 1
    # Cases and articles (their themes come with them), subscribers and theirs; storing and
    # sending the mail.
    assert len(queries) == 11
