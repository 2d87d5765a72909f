"""Radio buttons and checkboxes sit beside their labels on a phone and on a wide screen: the
story form's kind, themes and consent look alike, and a long label wraps beside its box."""

import pytest

# For each radio button and checkbox in the form: its label, and whether the label starts on
# the box's line and to its right.
_BESIDE = """(form) => [...form.querySelectorAll("input[type=radio], input[type=checkbox]")]
    .map((box) => {
        const label = form.querySelector(`label[for="${box.id}"]`);
        const b = box.getBoundingClientRect(), l = label.getBoundingClientRect();
        return {label: label.innerText.trim(), beside: l.top < b.bottom && l.left >= b.right};
    })"""


@pytest.mark.parametrize("width", [360, 1280])
def test_every_choice_in_the_story_form_sits_beside_its_label(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/innostu/kerro/")

    choices = page.locator("form.public-form").evaluate(_BESIDE)

    assert len(choices) == 3 + 6 + 1  # kind, themes, consent
    assert [choice["label"] for choice in choices if not choice["beside"]] == []
