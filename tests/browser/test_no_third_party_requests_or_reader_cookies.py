"""Privacy in the browser, on every page and form state:

- every request goes to the site itself: no CDN, web fonts, trackers or other third parties,
  and the Content Security Policy blocks nothing (no inline scripts or styles);
- readers who only read get no cookies, nor do readers of a form without a login (a comment,
  a story: no per-reader token, also when the page comes from the whole-page cache,
  valoa/web/page_cache.py); a page with a form that carries a CSRF token (the workbook's)
  sets the CSRF cookie and nothing else;
- after a post, the only other cookies are the workbook's one-time "Tallennettu." message and,
  when a team member answers, the cookie that keeps them one participant.

Each state is reached by a new reader, with no cookies; a cached page twice, so that the second
visit is served from the cache with a time-trap token filled in for that reader.
"""

from django.conf import settings
from playwright.sync_api import Response

from tests.browser.a11y import every_state, same_site

# Pages the whole-page cache serves to readers, by state name.
CACHED = {
    "etusivu",
    "oivallukset",
    "artikkeli, kommenttilomake tyhjänä",
    "artikkeli, kommentointi päättynyt",
    "innostu",
    "innostu, rajattu",
    "innostu, ei tuloksia",
    "esimerkki",
    "kerro kokemuksesta, tyhjä lomake",
    "tilaa",
    "anna palautetta, tyhjä lomake",
    "tietosuoja",
    "saavutettavuus",
    "työkirja, vetäjän opas",
    "työkirja paperilla",
    "ruotsiksi: etusivu",
    "englanniksi: artikkeli",
    "englanniksi: kerro kokemuksesta",
}
MESSAGES_COOKIE = "messages"  # Django's cookie storage for a message shown once after a post


def cookies_set(responses: list[Response]) -> set[str]:
    names = set()
    for response in responses:
        for header in response.header_values("set-cookie"):
            for line in header.split("\n"):  # Playwright joins several cookies with newlines
                names.add(line.split("=", 1)[0].strip())
    return names


def test_every_page_stays_on_the_site_and_sets_only_the_cookies_it_needs(
    page, live_server, site_content
):
    requests: list[str] = []
    responses: list[Response] = []
    csp_errors: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.context.on("response", lambda response: responses.append(response))
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    problems, hits, heard = [], set(), set()
    for state in every_state(site_content):
        for visit in ("", " (from the cache)") if state.name in CACHED else ("",):
            page.goto("about:blank")  # a new reader: no cookies, not even a same-page jump
            page.context.clear_cookies()
            requests.clear()
            responses.clear()
            csp_errors.clear()
            state.reach(page, live_server.url)
            where = f"{state.name}{visit}"

            heard.update(requests)
            elsewhere = [url for url in requests if not same_site(url, live_server.url)]
            problems += [f"{where}: request to {url}" for url in elsewhere]
            problems += [f"{where}: blocked by the CSP: {text}" for text in csp_errors]

            names = cookies_set(responses)
            has_token = page.locator('input[name="csrfmiddlewaretoken"]').count() > 0
            allowed = {settings.CSRF_COOKIE_NAME} if has_token else set()
            if state.posts:
                allowed |= {settings.CSRF_COOKIE_NAME, MESSAGES_COOKIE, *state.sets}
            if names - allowed:
                problems.append(f"{where}: sets cookies {sorted(names)}")
            if has_token and not state.posts and settings.CSRF_COOKIE_NAME not in names:
                problems.append(f"{where}: has a CSRF token but sets no CSRF cookie")
            if not allowed and page.context.cookies():
                problems.append(f"{where}: the reader has cookies {page.context.cookies()}")

            if visit:
                document = next(r for r in responses if r.request.resource_type == "document")
                if document.header_value("x-page-cache") == "hit":
                    hits.add(state.name)
    assert not problems, "\n".join(problems)
    assert hits == CACHED, f"served from the page cache: {sorted(hits)}"
    # The listeners heard every kind of request: pages, style sheets, scripts and icons.
    assert any(url.endswith("/static/css/valoa.css") for url in heard)
    assert any(url.endswith("/static/js/valoa.js") for url in heard)
    assert any("/static/icons/plant-" in url for url in heard)
