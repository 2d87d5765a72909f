"""A reader who asks for less motion (prefers-reduced-motion: reduce) gets none: no animations,
no transitions, no smooth scrolling, on any page, also while hovering and focusing things."""

from tests.browser.a11y import public_pages, tour

MOTION = """() => {
    const moving = [];
    for (const el of [document.documentElement, ...document.querySelectorAll("body *")]) {
        for (const pseudo of [null, "::before", "::after"]) {
            const style = getComputedStyle(el, pseudo);
            const transition = style.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
            const animation = style.animationName !== "none";
            if (transition || animation) {
                const name = `${el.tagName.toLowerCase()}${pseudo || ""}.${el.className}`;
                moving.push(`${name}: transition ${style.transitionDuration}, ` +
                            `animation ${style.animationName}`);
            }
        }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") {
        moving.push("html scrolls smoothly");
    }
    return moving.concat(document.getAnimations().map((a) => `running: ${a.animationName || a}`));
}"""

PAGES = {
    "etusivu",
    "artikkeli, kommenttilomake tyhjänä",
    "innostu, rajattu",
    "kerro kokemuksesta, tyhjä lomake",
    "työkirja yksin, vaihe 1",
    "työkirja yksin, vaihe 3",
    "tiimi, vetäjän yhteenveto",
    "saavutettavuus",
}


def test_nothing_moves_for_readers_who_ask_for_less_motion(chromium, live_server, site_content):
    context = chromium.new_context(locale="fi-FI", reduced_motion="reduce")
    page = context.new_page()
    assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")

    def check(state):
        # Hover and focus what a reader would, then look at every element.
        for selector in ("a", "button", "summary", "input", "label"):
            target = page.locator(f"main {selector}:visible").first
            if target.count():
                target.hover()
        page.keyboard.press("Tab")
        return page.evaluate(MOTION)

    # One page for each style sheet and kind of page: the rule in valoa.css covers them all.
    states = [state for state in public_pages(site_content) if state.name in PAGES]
    assert len(states) == len(PAGES)
    report = tour(page, live_server.url, states, check)
    context.close()
    assert not report, f"Motion despite prefers-reduced-motion: reduce:\n{report}"
