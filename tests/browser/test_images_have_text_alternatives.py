"""Every image says what it shows, or is marked as decoration: content images have alt text, the
workbook's plant icons are decorative (their level is always written beside them), and inline
SVG is either a named image or hidden from assistive technology."""

import re

from playwright.sync_api import expect

from tests.browser.a11y import LEVELS, public_pages, tour
from workbook.models import Statement

IMAGES = """() => {
    const images = [...document.images].map((img) => ({
        src: img.getAttribute("src").slice(0, 60),
        alt: img.getAttribute("alt"),
        hidden: img.getAttribute("aria-hidden"),
        plant: /\\/icons\\/plant-\\d\\.svg$/.test(img.getAttribute("src")),
    }));
    const svgs = [...document.querySelectorAll("svg")].map((svg) => {
        const ids = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
        const name = ids.map((id) => document.getElementById(id)?.textContent || "").join(" ")
            || svg.getAttribute("aria-label") || "";
        return {role: svg.getAttribute("role"), hidden: svg.getAttribute("aria-hidden"),
                name: name.trim()};
    });
    return {images, svgs};
}"""

PAGES_WITH_PICTURES = {
    "etusivu",
    "esimerkki",
    "työkirja yksin, vaihe 1",
    "työkirja yksin, vaihe 2",
    "työkirja yksin, vaihe 4",
    "tiimi, vetäjän yleiskuva",
    "tiimi, vetäjän vaihe 1",
    "tiimi, vetäjän yhteenveto",
    "tiimi, osallistujan omat vastaukset",
}


def test_every_image_has_a_text_alternative_or_is_decoration(page, live_server, site_content):
    seen = {"plant": 0, "content": set()}

    def check(state):
        found = page.evaluate(IMAGES)
        problems = []
        for image in found["images"]:
            if image["plant"]:
                seen["plant"] += 1
                if image["alt"] != "" or image["hidden"] != "true":
                    problems.append(f"plant icon {image} is not marked as decoration")
            elif not image["alt"]:
                problems.append(f"image {image['src']} has no alt text")
            else:
                seen["content"].add(image["alt"])
        for svg in found["svgs"]:
            if svg["hidden"] != "true" and not (svg["role"] == "img" and svg["name"]):
                problems.append(f"svg {svg} is neither a named image nor hidden")
        return problems

    # The pages with pictures: a case's photo, the plant icons, the QR code and the charts
    # (axe-core checks the alt text of every page; this checks what the alt text says).
    states = [state for state in public_pages(site_content) if state.name in PAGES_WITH_PICTURES]
    assert len(states) == len(PAGES_WITH_PICTURES)
    report = tour(page, live_server.url, states, check)
    assert not report, f"Images without a text alternative:\n{report}"
    assert seen["plant"] > 0
    assert {"Tiimi kävelee puistossa.", "QR-koodi osallistujien linkkiin"} <= seen["content"]


def test_a_plant_icon_adds_nothing_to_the_name_of_its_choice(page, live_server, site_content):
    page.goto(live_server.url + f"/tyokirja/{site_content.solo_empty.token}/missa-olemme/")
    first = Statement.objects.active().first()
    for number, level in enumerate(LEVELS):
        radio = page.locator(f"#id_vaite_{first.pk}_{number}")
        expect(radio).to_have_accessible_name(level)
        label = page.locator(f'label[for="id_vaite_{first.pk}_{number}"]')
        expect(label.get_by_role("img")).to_have_count(0)
    # The form has no named images (the header's wordmark is the only one on the page).
    expect(page.locator("main").get_by_role("img", name=re.compile("."))).to_have_count(0)
