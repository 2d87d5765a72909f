"""Keyboard only, from the top of the page: the skip link, the order and visibility of focus,
and a failed submit that takes focus to the error summary and from there to the field.

The comment form, the story form and step 1 of the workbook are each filled in and sent
without a mouse.
"""

from playwright.sync_api import Page, expect

from tests.browser.a11y import (
    expected_form_stops,
    focus_problems,
    focused,
    order_problems,
    press_tab_until,
)
from workbook.models import Statement, Workbook


def skip_to_main(page: Page) -> None:
    """Tab once from the top of a fresh page: the skip link; Enter: focus is in <main>."""
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["key"] == "Siirry sisältöön", skip
    assert not focus_problems([skip])
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert page.url.endswith("#sisalto")


def walk_to_button(page: Page, form: str, button: str) -> list[dict]:
    """Tab to the form's button; the form's stops come in the document's (and the eye's) order."""
    stops = press_tab_until(page, lambda stop: stop["key"] == button)
    assert stops[0]["inMain"], f"after the skip link, Tab went to {stops[0]['key']!r}"
    in_form = [stop for stop in stops if stop["form"] == form]
    assert [stop["key"] for stop in in_form] == expected_form_stops(page, f'form[action="{form}"]')
    assert not focus_problems(stops), focus_problems(stops)
    assert not order_problems(stops), order_problems(stops)
    return in_form


def walk_from_field_to(page: Page, button: str) -> list[dict]:
    """From a field on, Tab to the button: focus visible and in order on the way."""
    stops = press_tab_until(page, lambda stop: stop["key"] == button)
    assert not focus_problems(stops), focus_problems(stops)
    assert not order_problems(stops), order_problems(stops)
    return stops


def submit_and_follow_the_error(page: Page, button: str, first_error_field: str) -> None:
    page.keyboard.press("Enter")
    summary = page.locator("#virheet")
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    first_link = focused(page)
    assert first_link["tag"] == "a" and first_link["inMain"], first_link
    assert not focus_problems([first_link])
    page.keyboard.press("Enter")
    expect(page.locator(f"#{first_error_field}")).to_be_focused()


def test_the_comment_form_with_the_keyboard_only(page, live_server, site_content):
    path = site_content.article.get_absolute_url()
    page.goto(live_server.url + path)
    skip_to_main(page)
    action = f"{path}#kommentoi"
    stops = walk_to_button(page, action, "Lähetä kommentti")
    expected = ["id_name", "id_email", "id_body", "id_ilmoita", "Lähetä kommentti"]
    assert [stop["key"] for stop in stops] == expected

    # Name and comment typed, the email forgotten: focus goes to the summary, then the field.
    page.keyboard.press("Shift+Tab")  # past the unticked notification box
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Kierros ennen keskustelua toimi meillä.")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Maija Meikäläinen")
    press_tab_until(page, lambda stop: stop["key"] == "Lähetä kommentti")
    submit_and_follow_the_error(page, "Lähetä kommentti", "id_email")

    expect(page.locator("#id_body")).to_have_value("Kierros ennen keskustelua toimi meillä.")
    page.keyboard.type("maija@example.fi")
    walk_from_field_to(page, "Lähetä kommentti")
    page.keyboard.press("Enter")
    expect(page.locator("#oma-kommentti")).to_contain_text("Kierros ennen keskustelua")


def test_the_story_form_with_the_keyboard_only(page, live_server, site_content):
    page.goto(live_server.url + "/innostu/kerro/")
    skip_to_main(page)
    stops = walk_to_button(page, "/innostu/kerro/", "Lähetä kertomus")
    keys = [stop["key"] for stop in stops]
    assert keys[:5] == ["id_name", "id_email", "id_phone", "id_role", "id_organisation"]
    assert keys[-1] == "Lähetä kertomus"

    # Filled in from the top, all but the name.
    page.goto(live_server.url + "/innostu/kerro/")
    skip_to_main(page)
    fields = {
        "id_email": "maija@example.fi",
        "id_organisation": "Esimerkkilän kaupunki",
        "id_title": "Kävelypalaverit",
        "id_story": "Kävelimme viikkopalaverit ulkona kuukauden.",
    }
    while (stop := press_tab_until(page, lambda stop: True)[-1])["key"] != "Lähetä kertomus":
        if stop["key"] in fields:
            page.keyboard.type(fields[stop["key"]])
        elif stop["key"].startswith("id_kind_"):
            page.keyboard.press("ArrowDown")  # the radio group: choose the next kind
        elif stop["key"] == "id_consent":
            page.keyboard.press("Space")
    expect(page.locator("#id_kind_1")).to_be_checked()
    expect(page.locator("#id_consent")).to_be_checked()
    submit_and_follow_the_error(page, "Lähetä kertomus", "id_name")
    expect(page.locator("#id_story")).to_have_value(fields["id_story"])

    page.keyboard.type("Maija Meikäläinen")
    walk_from_field_to(page, "Lähetä kertomus")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kiitos, kertomuksesi on vastaanotettu"
    )


def test_workbook_step_1_with_the_keyboard_only(page, live_server, site_content):
    workbook = Workbook.start(Workbook.Mode.SOLO)
    statements = list(Statement.objects.active())
    path = f"/tyokirja/{workbook.token}/missa-olemme/"
    page.goto(live_server.url + path)
    skip_to_main(page)
    # The form has no action: it posts to its own address; find its stops by its id.
    stops = press_tab_until(page, lambda stop: stop["key"] == "Tallenna ja jatka")
    assert not focus_problems(stops), focus_problems(stops)
    assert not order_problems(stops), order_problems(stops)
    in_form = [stop["key"] for stop in stops if stop["form"] == "vaihe-lomake"]
    assert in_form == expected_form_stops(page, "#vaihe-lomake")[: len(in_form)]
    first = statements[0].pk
    assert in_form[:3] == [
        f"id_vaite_{first}_0",
        f"id_muistiinpano_{first}",
        f"id_vaite_{statements[1].pk}_0",
    ]

    # The first two statements answered with the arrow keys; "Tallenna ja jatka" asks for all.
    page.goto(live_server.url + path)
    skip_to_main(page)
    press_tab_until(page, lambda stop: stop["key"] == f"id_vaite_{first}_0")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.type("Viikkopalaverissa kuulumiset.")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"#id_vaite_{first}_1")).to_be_checked()
    expect(page.locator(f"#id_vaite_{statements[1].pk}_2")).to_be_checked()
    press_tab_until(page, lambda stop: stop["key"] == "Tallenna ja jatka")
    submit_and_follow_the_error(page, "Tallenna ja jatka", f"id_vaite_{statements[2].pk}_0")
    expect(page.locator(f"#id_muistiinpano_{first}")).to_have_value("Viikkopalaverissa kuulumiset.")
    expect(page.locator(f"#id_vaite_{statements[1].pk}_2")).to_be_checked()

    # From the first unanswered statement on: Space chooses the focused level.
    for statement in statements[2:]:
        stop = focused(page)
        assert stop["key"] == f"id_vaite_{statement.pk}_0", stop
        page.keyboard.press("Space")
        page.keyboard.press("Tab")  # the note
        page.keyboard.press("Tab")  # the next statement, or the buttons
    assert focused(page)["key"] == "Tallenna ja jatka"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaihe 2: Mikä meille on tärkeää")
