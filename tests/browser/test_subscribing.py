"""A reader follows a theme in a real browser: from Innostu to /tilaa/, a mistake corrected,
the confirmation link from the mail, and a one-click unsubscribe."""

import re

from playwright.sync_api import expect

from subscriptions.models import Subscription
from tests.factories import theme
from tests.subscriptions.helpers import mails_to, site_link


def test_a_reader_subscribes_confirms_and_unsubscribes(page, live_server, settings):
    settings.SITE_URL = live_server.url
    page.goto(live_server.url + "/innostu/")
    subscribe = page.get_by_role("region", name="Tilaa uudet kirjoitukset sähköpostiin")
    subscribe.get_by_role("button", name="Tilaa sähköpostiin").click()

    expect(page).to_have_url(re.compile(r"/tilaa/\?osio=innostu$"))
    innostu = page.get_by_label("Innostu: esimerkit ja kokeilut")
    expect(innostu).to_be_checked()
    innostu.uncheck()
    page.get_by_label(re.compile("^Sähköposti")).fill("lukija@example.fi")
    page.get_by_role("button", name="Tilaa", exact=True).click()

    summary = page.locator("#virheet")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Valitse vähintään yksi osio tai teema")
    expect(page.get_by_label(re.compile("^Sähköposti"))).to_have_value("lukija@example.fi")
    page.get_by_label(theme("dialogi").name, exact=True).check()
    page.get_by_role("button", name="Tilaa", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vahvista tilauksesi")
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    assert [t.slug for t in subscription.themes.all()] == ["dialogi"]

    [request] = mails_to("lukija@example.fi")
    page.goto(live_server.url + site_link(request.body, "/tilaa/vahvista/"))
    page.get_by_role("button", name="Vahvista tilaus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilaus on vahvistettu")
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    page.goto(live_server.url + site_link(request.body, "/tilaa/peru/"))
    page.get_by_role("button", name="Peru tilaus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilaus on peruttu")
    assert not Subscription.objects.exists()
