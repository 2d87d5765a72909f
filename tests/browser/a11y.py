"""Shared by the accessibility and privacy browser tests: the site's content, a tour of every
public page and form state, axe-core, and measurements of what the browser rendered.

A tour is a list of states. Each state knows how to reach itself from nothing (a fresh page
load, maybe a form filled in and sent), so a test can visit every state and check something
there: axe-core, the width of the page, the requests made, the cookies set.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from cases.models import Case
from insights.models import Article
from tests.factories import (
    make_article,
    make_author,
    make_case,
    make_comment,
    make_submission,
    png_bytes,
    upload,
)
from tests.workbook.helpers import add_participant
from valoa.models import AboutPage, EditorialMember, Theme
from workbook.exports import story_prefill_url
from workbook.models import (
    Experiment,
    Level,
    Participant,
    ReflectionAnswer,
    ReflectionQuestion,
    Statement,
    Workbook,
)
from workbook.views import PARTICIPANT_COOKIE

# WCAG 2.1 A and AA, which Finnish public-sector sites must meet by law, and axe-core's best
# practices (headings in order, everything inside a landmark, one main, and so on).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
_axe = Axe()

STORY = re.compile(r"^Kertomus\b")  # the name ends with the * of a required field
LEVELS = ["Ei vielä toteudu", "Toteutuu osittain", "Toteutuu jo hyvin"]


# Content ---------------------------------------------------------------------------------------


@dataclass
class SiteContent:
    article: Article
    reply_to: int  # an approved comment's id
    closed_article: Article
    case: Case
    status_path: str
    solo: Workbook  # every step done
    solo_empty: Workbook  # just started
    team_few: Workbook  # one answer: below the anonymity threshold
    team_enough: Workbook  # three answers: results visible
    team_closed: Workbook  # three answers, answering ended
    participant: Participant  # one of team_enough's


def make_site_content() -> SiteContent:
    """A small but complete site: every kind of page has something on it (images go to
    MEDIA_ROOT: point it at a temporary folder first)."""
    article = make_article(
        title="Dialogi hybridityössä",
        slug="dialogi-hybridityossa",
        lead="Miten kuunnella, kun puolet ovat ruudulla.",
        body="## Mitä teimme\n\nAloitimme **kuulumiskierroksella**.\n\n- Yksi\n- Kaksi",
        author=make_author(
            name="Aino Esimerkki",
            slug="aino-esimerkki",
            job_title="kehittämisasiantuntija",
            organisation="Esimerkkivirasto",
            bio="Kirjoittaja kehittää työyhteisöjä.",
        ),
    )
    article.themes.set(Theme.objects.filter(slug__in=["dialogi", "oppiminen-arjessa"]))
    first = make_comment(article, name="Aino", body="Kierros toimi meilläkin.")
    make_comment(article, name="Ville", body="Samaa mieltä.", parent=first)
    make_comment(None, name="Lukija", body="Oivallus: kysy ennen kuin kerrot.")
    closed_article = make_article(
        title="Suljettu keskustelu", slug="suljettu-keskustelu", comments_open=False
    )
    make_comment(closed_article, name="Eero", body="Hyvä kirjoitus.")

    case = make_case(
        themes=["dialogi", "jaettu-johtajuus"],
        title="Kävelypalaverit lupapalveluissa",
        slug="kavelypalaverit",
        kind=Case.Kind.EXPERIMENT,
        duration="2025",
        contact="Tiimin vetäjä, etunimi.sukunimi@example.fi",
        contact_public=True,
        image=upload("tiimi.png", png_bytes(600, 400), "image/png"),
        image_alt="Tiimi kävelee puistossa.",
    )
    make_case(themes=["dialogi"], title="Toinen esimerkki", slug="toinen-esimerkki")
    submission = make_submission(themes=["dialogi"])

    statements = list(Statement.objects.active())
    solo = Workbook.start(Workbook.Mode.SOLO, "Asiakaspalvelu")
    round_ = solo.current_round()
    solo_answers = round_.participants.first()
    for index, statement in enumerate(statements):
        solo_answers.answers.create(statement=statement, level=list(Level)[index % 3], note="Hm.")
    for question in ReflectionQuestion.objects.active()[:3]:
        ReflectionAnswer.objects.create(round=round_, question=question, text="Kuuntelemme.")
    Experiment.objects.create(
        round=round_,
        what="Kävelypalaverit",
        why="Keskustelu avautuu.",
        who_does_what="Vetäjä varaa ajan.",
        deadline=timezone.localdate() + timezone.timedelta(days=30),
        success_signs="Kaikki puhuvat.",
        look_back_on=timezone.localdate() + timezone.timedelta(days=60),
    )

    team_few = Workbook.start(Workbook.Mode.TEAM, "Pieni tiimi")
    add_participant(team_few, statements)
    team_enough = Workbook.start(Workbook.Mode.TEAM, "Lupapalvelut")
    participant = add_participant(team_enough, statements, Level.NOT_YET, note="Oma huomio.")
    add_participant(team_enough, statements, Level.PARTLY)
    add_participant(team_enough, statements, Level.WELL)
    team_closed = Workbook.start(Workbook.Mode.TEAM, "Päättynyt kierros")
    for level in Level:
        add_participant(team_closed, statements, level)
    team_closed.current_round().close()
    EditorialMember.objects.create(
        page=AboutPage.objects.get(), name="Aino Esimerkki", role="päätoimittaja"
    )
    return SiteContent(
        article=article,
        reply_to=first.pk,
        closed_article=closed_article,
        case=case,
        status_path=submission.status_path(),
        solo=solo,
        solo_empty=Workbook.start(Workbook.Mode.SOLO),
        team_few=team_few,
        team_enough=team_enough,
        team_closed=team_closed,
        participant=participant,
    )


# The tour --------------------------------------------------------------------------------------


@dataclass
class State:
    """One page in one state, and how to get there from nothing."""

    name: str
    reach: Callable[[Page, str], None]  # (page, live server URL)
    posts: bool = False  # reaching it sends a form
    sets: tuple[str, ...] = ()  # other cookies it may set (a team participant's, on answering)


def visit(path: str, status: int = 200) -> Callable[[Page, str], None]:
    def reach(page: Page, base: str) -> None:
        response = page.goto(base + path)
        assert response.status == status, f"{path} answered {response.status}"

    return reach


def search_from_the_header(words: str) -> Callable[[Page, str], None]:
    def reach(page: Page, base: str) -> None:
        page.goto(base + "/")
        page.get_by_role("search").get_by_role("searchbox").fill(words)
        page.get_by_role("search").get_by_role("button").click()
        expect(page.locator(".search-results li").first).to_be_visible()

    return reach


def public_pages(content: SiteContent) -> list[State]:
    """Every page a reader reaches by a link, as it first opens (forms empty)."""
    solo, team = content.solo, content.team_enough
    states = [
        State("etusivu", visit("/")),
        State("oivallukset", visit("/oivallukset/")),
        State(
            "artikkeli, kommenttilomake tyhjänä",
            visit(content.article.get_absolute_url()),
        ),
        State(
            "artikkeli, vastaus kommenttiin",
            visit(f"{content.article.get_absolute_url()}?vastaa={content.reply_to}#kommentoi"),
        ),
        State(
            "artikkeli, kommentointi päättynyt", visit(content.closed_article.get_absolute_url())
        ),
        State("kirjoittajan sivu", visit(content.article.author.get_absolute_url())),
        State("innostu", visit("/innostu/")),
        State("innostu, rajattu", visit("/innostu/?laji=kokeilu&teema=dialogi&sektori=kunta")),
        State("innostu, ei tuloksia", visit("/innostu/?laji=esimerkki&sektori=valtio")),
        State("esimerkki", visit(content.case.get_absolute_url())),
        State("kerro kokemuksesta, tyhjä lomake", visit("/innostu/kerro/")),
        State("kertomuksen tilasivu", visit(content.status_path)),
        State("työkirja, aloitus", visit("/tyokirja/")),
        State("työkirja yksin, yleiskuva", visit(solo.get_absolute_url())),
        State("työkirja yksin, vaihe 1", visit(f"/tyokirja/{solo.token}/missa-olemme/")),
        State(
            "työkirja yksin, vaihe 2",
            visit(f"/tyokirja/{solo.token}/mika-on-tarkeaa/"),
        ),
        State("työkirja yksin, vaihe 3", visit(f"/tyokirja/{solo.token}/kokeilu/")),
        State("työkirja yksin, vaihe 4", visit(f"/tyokirja/{solo.token}/yhteenveto/")),
        State(
            "työkirja yksin aloitettu, vaihe 4",
            visit(f"/tyokirja/{content.solo_empty.token}/yhteenveto/"),
        ),
        State("tiimi, vetäjän yleiskuva", visit(team.get_absolute_url())),
        State("tiimi, vetäjän vaihe 1", visit(f"/tyokirja/{team.token}/missa-olemme/")),
        State(
            "tiimi, vetäjän vaihe 1 liian harvoin vastauksin",
            visit(f"/tyokirja/{content.team_few.token}/missa-olemme/"),
        ),
        State(
            "tiimi, vetäjän vaihe 2",
            visit(f"/tyokirja/{team.token}/mika-on-tarkeaa/"),
        ),
        State("tiimi, vetäjän yhteenveto", visit(f"/tyokirja/{team.token}/yhteenveto/")),
        State(
            "tiimi, vetäjän yhteenveto liian harvoin vastauksin",
            visit(f"/tyokirja/{content.team_few.token}/yhteenveto/"),
        ),
        State("tiimi, osallistujan lomake", visit(team.participant_url())),
        State("tiimi, osallistujan omat vastaukset", visit(content.participant.get_absolute_url())),
        State(
            "tiimi, osallistujan vastausten muutos",
            visit(content.participant.get_absolute_url() + "muuta/"),
        ),
        State("tiimi, tuloste", visit(f"/tyokirja/{team.token}/tulosta/")),
        State("työkirja yksin, tuloste", visit(f"/tyokirja/{solo.token}/tulosta/")),
        State(
            "tiimi, uuden kierroksen vahvistus",
            visit(f"/tyokirja/{team.token}/uusi-kierros/"),
        ),
        State(
            "tiimi, vastaamisen päättämisen vahvistus",
            visit(f"/tyokirja/{content.team_few.token}/paata-kierros/"),
        ),
        State(
            "tiimi, vetäjän vaihe 1 vastaaminen päättynyt",
            visit(f"/tyokirja/{content.team_closed.token}/missa-olemme/"),
        ),
        State("tiimi, vastaaminen päättynyt", visit(content.team_closed.participant_url())),
        State("työkirja, vetäjän opas", visit("/tyokirja/ohje/")),
        State("työkirja paperilla", visit("/tyokirja/ohje/tyokirja-paperilla/")),
        State(
            "kerro kokemuksesta, kokeilu esitäytettynä",
            visit(story_prefill_url(solo.current_round().experiment)),
        ),
        State("työkirja, tuntematon linkki", visit("/tyokirja/" + "x" * 43 + "/", 404)),
        State("teemat", visit("/teemat/")),
        State("teema", visit("/teemat/dialogi/")),
        State("teema ilman sisältöä", visit("/teemat/oppiminen-verkostoissa/")),
        State("ruotsiksi: teema", visit("/sv/teemat/jaettu-johtajuus/")),
        State("tietoa VALOAsta", visit("/tietoa/")),
        State("tietosuoja", visit("/tietosuoja/")),
        State("tilaa", visit("/tilaa/?teema=dialogi")),
        State("tilaus, vanhentunut linkki", visit("/tilaa/vahvista/x/", 404)),
        State("saavutettavuus", visit("/saavutettavuus/")),
        State("anna palautetta, tyhjä lomake", visit("/palaute/")),
        State("sivua ei löytynyt", visit("/ei-tallaista-sivua/", 404)),
        # The interface in Swedish and English; the content stays in Finnish.
        State("ruotsiksi: etusivu", visit("/sv/")),
        State(
            "ruotsiksi: työkirja yksin, vaihe 1",
            visit(f"/sv/tyokirja/{solo.token}/missa-olemme/"),
        ),
        State(
            "englanniksi: artikkeli",
            visit("/en" + content.article.get_absolute_url()),
        ),
        State("englanniksi: kerro kokemuksesta", visit("/en/innostu/kerro/")),
        State("haku, tyhjä", visit("/haku/")),
        State("haku, tuloksia", search_from_the_header("dialogi")),
        State("haku, teema", visit("/haku/?teema=dialogi")),
        State("haku, ei tuloksia", visit("/haku/?q=xyzzy&laji=esimerkki")),
    ]
    return states


def form_states(content: SiteContent) -> list[State]:
    """What a reader sees after sending a form: errors, success, the pages after it."""

    def comment_errors(page: Page, base: str) -> None:
        page.goto(base + content.article.get_absolute_url())
        page.get_by_label("Nimi").fill("Maija")
        page.get_by_role("button", name="Lähetä kommentti").click()
        expect(page.locator("#virheet")).to_be_focused()

    def comment_sent(page: Page, base: str) -> None:
        page.goto(base + content.article.get_absolute_url())
        _fill_comment(page)
        page.get_by_role("button", name="Lähetä kommentti").click()
        expect(page.locator("#oma-kommentti")).to_be_visible()

    def insight_errors(page: Page, base: str) -> None:
        page.goto(base + "/oivallukset/")
        page.get_by_role("button", name="Lähetä oivallus").click()
        expect(page.locator("#virheet")).to_be_focused()

    def insight_sent(page: Page, base: str) -> None:
        page.goto(base + "/oivallukset/")
        page.get_by_label("Nimi").fill("Maija Meikäläinen")
        page.get_by_label(re.compile("^Sähköposti")).fill("maija@example.fi")
        page.get_by_label("Oivalluksesi").fill("Kysymys ennen neuvoa toimii.")
        page.get_by_role("button", name="Lähetä oivallus").click()
        expect(page.locator("#oma-kommentti")).to_be_visible()

    def story_errors(page: Page, base: str) -> None:
        page.goto(base + "/innostu/kerro/")
        page.get_by_label(re.compile("^Sähköposti")).fill("ei-osoite")
        page.get_by_role("button", name="Lähetä kertomus").click()
        expect(page.locator("#virheet")).to_be_focused()

    def story_sent(page: Page, base: str) -> None:
        page.goto(base + "/innostu/kerro/")
        _fill_story(page)
        page.get_by_role("button", name="Lähetä kertomus").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Kiitos, kertomuksesi on vastaanotettu"
        )

    def story_status(page: Page, base: str) -> None:
        story_sent(page, base)
        page.get_by_role("link", name="Kertomuksesi tilasivulle").click()
        expect(page.get_by_role("heading", name=re.compile("^Tila:"))).to_be_visible()

    def feedback_errors(page: Page, base: str) -> None:
        page.goto(base + "/palaute/")
        page.get_by_role("button", name="Lähetä palaute").click()
        expect(page.locator("#virheet")).to_be_focused()

    def feedback_sent(page: Page, base: str) -> None:
        page.goto(base + "/palaute/")
        page.get_by_label("Viesti").fill("Haku löysi hyvin kaiken, mitä etsin.")
        page.get_by_role("button", name="Lähetä palaute").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Kiitos palautteestasi")

    def workbook_start_errors(page: Page, base: str) -> None:
        page.goto(base + "/tyokirja/")
        page.get_by_role("button", name="Aloita työkirja").click()
        expect(page.locator("#virheet")).to_be_focused()

    def workbook_continue_errors(page: Page, base: str) -> None:
        page.goto(base + "/tyokirja/")
        page.get_by_label("Tallennettu linkki").fill(base + "/tyokirja/vaara-linkki/")
        page.get_by_role("button", name="Jatka työkirjaa").click()
        expect(page.locator("#virheet")).to_be_focused()

    def workbook_started(page: Page, base: str) -> None:
        page.goto(base + "/tyokirja/")
        page.get_by_label("Tiiminä, jokainen omalta laitteeltaan").check()
        page.get_by_label("Työkirjan nimi").fill("Uusi tiimi")
        page.get_by_role("button", name="Aloita työkirja").click()
        expect(page.get_by_role("heading", name="Tallenna tämä linkki")).to_be_visible()

    def step1_errors(page: Page, base: str) -> None:
        page.goto(base + f"/tyokirja/{content.solo_empty.token}/missa-olemme/")
        page.locator("fieldset.statement").first.get_by_label(LEVELS[1], exact=True).check()
        page.get_by_role("button", name="Tallenna ja jatka").click()
        expect(page.locator("#virheet")).to_be_focused()

    def step1_saved(page: Page, base: str) -> None:
        page.goto(base + f"/tyokirja/{content.solo_empty.token}/missa-olemme/")
        page.locator("fieldset.statement").first.get_by_label(LEVELS[2], exact=True).check()
        page.get_by_role("button", name="Tallenna", exact=True).click()
        expect(page.get_by_text("Tallennettu.")).to_be_visible()

    def step3_errors(page: Page, base: str) -> None:
        page.goto(base + f"/tyokirja/{content.solo_empty.token}/kokeilu/")
        page.get_by_label("Mitä kokeilemme?").fill("Kävelypalaverit")
        page.get_by_role("button", name="Tallenna ja jatka").click()
        expect(page.locator("#virheet")).to_be_focused()

    def participate_errors(page: Page, base: str) -> None:
        page.goto(base + content.team_enough.participant_url())
        page.get_by_role("button", name="Tallenna vastaukset").click()
        expect(page.locator("#virheet")).to_be_focused()

    def participate_sent(page: Page, base: str) -> None:
        page.context.clear_cookies()  # a new participant: this browser has not answered yet
        page.goto(base + content.team_few.participant_url())
        _answer_every_statement(page)
        page.get_by_role("button", name="Tallenna vastaukset").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Omat vastauksesi")

    def participate_again(page: Page, base: str) -> None:
        participate_sent(page, base)
        page.goto(base + content.team_few.participant_url())
        expect(page.get_by_role("heading", level=1)).to_have_text("Muuta vastauksiasi")

    def too_many_participants(page: Page, base: str) -> None:
        limit = django_settings.WORKBOOK_NEW_PARTICIPANTS
        django_settings.WORKBOOK_NEW_PARTICIPANTS = 0  # the next new participant is one too many
        try:
            page.context.clear_cookies()
            page.goto(base + content.team_enough.participant_url())
            _answer_every_statement(page)
            page.get_by_role("button", name="Tallenna vastaukset").click()
            expect(page.get_by_text("Vastauksiasi ei vielä tallennettu.")).to_be_visible()
        finally:
            django_settings.WORKBOOK_NEW_PARTICIPANTS = limit

    def too_many_posts(page: Page, base: str) -> None:
        limit = django_settings.RATE_LIMIT_POSTS
        django_settings.RATE_LIMIT_POSTS = 0  # the next valid post is one too many
        try:
            page.goto(base + content.article.get_absolute_url())
            _fill_comment(page)
            page.get_by_role("button", name="Lähetä kommentti").click()
            expect(page.get_by_role("heading", level=1)).to_have_text(
                "Liian monta viestiä lyhyessä ajassa"
            )
        finally:
            django_settings.RATE_LIMIT_POSTS = limit

    def sent(name: str, reach: Callable[[Page, str], None], sets=()) -> State:
        return State(name, reach, posts=True, sets=sets)

    return [
        sent("oivallukset, lomakkeessa virheitä", insight_errors),
        sent("oivallukset, oivallus lähetetty", insight_sent),
        sent("artikkeli, lomakkeessa virheitä", comment_errors),
        sent("artikkeli, oma kommentti odottaa tarkistusta", comment_sent),
        sent("kerro kokemuksesta, lomakkeessa virheitä", story_errors),
        sent("kerro kokemuksesta, kiitos", story_sent),
        sent("kerro kokemuksesta, tilasivu lähettämisen jälkeen", story_status),
        sent("anna palautetta, lomakkeessa virheitä", feedback_errors),
        sent("anna palautetta, kiitos", feedback_sent),
        sent("työkirja, aloituksessa virheitä", workbook_start_errors),
        sent("työkirja, jatka-lomakkeessa virheitä", workbook_continue_errors),
        sent("työkirja, tiimin työkirja aloitettu", workbook_started),
        sent("työkirja yksin, vaiheessa 1 virheitä", step1_errors),
        sent("työkirja yksin, vaihe 1 tallennettu", step1_saved),
        sent("työkirja yksin, vaiheessa 3 virheitä", step3_errors),
        sent("tiimi, osallistujan lomakkeessa virheitä", participate_errors),
        sent(
            "tiimi, osallistujan vastaukset tallennettu",
            participate_sent,
            sets=(PARTICIPANT_COOKIE,),
        ),
        sent(
            "tiimi, osallistuja avaa linkin uudelleen",
            participate_again,
            sets=(PARTICIPANT_COOKIE,),
        ),
        sent("tiimi, liian monta uutta vastaajaa (429)", too_many_participants),
        sent("liian monta viestiä (429)", too_many_posts),
    ]


def every_state(content: SiteContent) -> list[State]:
    return public_pages(content) + form_states(content)


def _answer_every_statement(page: Page) -> None:
    choose_levels(page, LEVELS)


# Click the label of levels[index % levels.length] on each statement; what did not get checked.
_CHOOSE_LEVELS = """(fieldsets, levels) => fieldsets.flatMap((fieldset, index) => {
    const wanted = levels[index % levels.length];
    const label = [...fieldset.querySelectorAll("label")]
        .find((label) => label.textContent.trim() === wanted);
    if (!label) return [`statement ${index + 1} has no ${wanted}`];
    label.click();
    return label.control.checked ? [] : [`statement ${index + 1}: ${wanted} is not checked`];
})"""


def choose_levels(page: Page, levels: list[str]) -> None:
    """Click a level on each statement, in turn from `levels`, in one round trip (a check() per
    radio button waits for the page to settle each time: seconds a form)."""
    fieldsets = page.locator("fieldset.statement")
    expect(fieldsets.first).to_be_visible()
    problems = fieldsets.evaluate_all(_CHOOSE_LEVELS, levels)
    assert not problems, problems


def _fill_comment(page: Page) -> None:
    page.get_by_label("Nimi").fill("Maija Meikäläinen")
    page.get_by_label(re.compile("^Sähköposti")).fill("maija@example.fi")
    page.get_by_label(re.compile("^Kommentti")).fill("Kierros ennen keskustelua toimi meillä.")


def _fill_story(page: Page) -> None:
    page.get_by_label("Nimi").fill("Maija Meikäläinen")
    page.get_by_label(re.compile("^Sähköposti")).fill("maija@example.fi")
    page.get_by_label("Organisaatio").fill("Esimerkkilän kaupunki")
    page.get_by_label("Kokeilu: jotain kokeiltiin rajatun ajan").check()
    page.get_by_label("Otsikko").fill("Kävelypalaverit")
    page.get_by_role("textbox", name=STORY).fill("Kävelimme viikkopalaverit ulkona kuukauden.")
    page.get_by_label("Toimitus saa ottaa minuun yhteyttä").check()


def tour(page: Page, base: str, states: list[State], check: Callable[[State], list[str]]) -> str:
    """Reach every state and run `check` there; returns a report of every problem found."""
    problems = []
    for state in states:
        state.reach(page, base)
        problems += [f"{state.name} ({page.url}): {problem}" for problem in check(state)]
    return "\n".join(problems)


# Measurements ----------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, one line per element."""
    results = _axe.run(page, options=AXE_OPTIONS).response
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        f"{', '.join(map(str, node['target']))}: {node['failureSummary']!r}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


def horizontal_overflow(page: Page) -> list[str]:
    """The page scrolls sideways: what sticks out past the viewport's right edge."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            const culprits = [];
            for (const el of document.body.querySelectorAll("*")) {
                const box = el.getBoundingClientRect();
                if (box.right > width + 0.5 && box.width > 0) {
                    const name = el.tagName.toLowerCase()
                        + (el.id ? "#" + el.id : "")
                        + (el.className && typeof el.className === "string"
                            ? "." + el.className.trim().split(/\\s+/).join(".") : "");
                    culprits.push(`${name} reaches ${Math.round(box.right)}px`);
                }
            }
            return [`scrollWidth ${document.documentElement.scrollWidth} > ${width}`,
                    ...culprits.slice(0, 5)];
        }"""
    )


def same_site(url: str, base: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base).netloc


# Keyboard --------------------------------------------------------------------------------------

# What has the keyboard focus: where it is, how it looks, and where it sits in the document.
_FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const form = el.closest("form");
    return {
        key: el.id || (el.innerText || el.value || "").replace(/\\s+/g, " ").trim(),
        tag: el.tagName.toLowerCase(),
        form: form ? form.getAttribute("action") || form.id : null,
        inMain: !!el.closest("main"),
        order: Array.prototype.indexOf.call(document.querySelectorAll("*"), el),
        top: box.top + scrollY, bottom: box.bottom + scrollY,
        left: box.left + scrollX, right: box.right + scrollX,
        onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
    };
}"""

# The stops Tab should make in a form, in document order: one per radio group, no honeypot.
_FORM_STOPS = """(form) => {
    const groups = new Set();
    const stops = [];
    for (const el of form.querySelectorAll("a[href], button, input, select, textarea")) {
        if (el.type === "hidden" || el.tabIndex < 0 || el.disabled || el.closest("[hidden]")) {
            continue;
        }
        if (el.type === "radio") {
            if (groups.has(el.name)) continue;
            groups.add(el.name);
            const checked = form.querySelector(`input[name="${el.name}"]:checked`);
            stops.push((checked || el).id);
            continue;
        }
        stops.push(el.id || el.innerText.replace(/\\s+/g, " ").trim());
    }
    return stops;
}"""


def focused(page: Page) -> dict | None:
    return page.evaluate(_FOCUSED)


def press_tab_until(page: Page, done: Callable[[dict], bool], limit: int = 120) -> list[dict]:
    """Press Tab until `done(focused element)`; returns every element focused on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        assert stop is not None, f"Tab left the page after {[s['key'] for s in stops]}"
        stops.append(stop)
        if done(stop):
            return stops
    raise AssertionError(f"never reached the target; went {[s['key'] for s in stops]}")


def expected_form_stops(page: Page, form_selector: str) -> list[str]:
    return page.locator(form_selector).evaluate(_FORM_STOPS)


def focus_problems(stops: list[dict]) -> list[str]:
    """Each stop must show where focus is (WCAG 2.4.7) and be scrolled into view."""
    problems = []
    for stop in stops:
        if not (stop["focusVisible"] and (stop["outline"] or stop["shadow"])):
            problems.append(f"{stop['key']!r} has no visible focus indicator")
        if not stop["onScreen"]:
            problems.append(f"{stop['key']!r} is focused outside the visible area")
    return problems


def order_problems(stops: list[dict]) -> list[str]:
    """Focus moves in the reading order (WCAG 2.4.3): down the page, left to right on a line."""
    problems = []
    for before, after in itertools.pairwise(stops):
        if after["order"] <= before["order"]:
            problems.append(f"{after['key']!r} comes before {before['key']!r} in the document")
        same_line = after["top"] < before["bottom"] - 1 and after["bottom"] > before["top"] + 1
        if same_line and after["left"] < before["left"] - 1:
            problems.append(f"{after['key']!r} is left of {before['key']!r} on the same line")
        if not same_line and after["top"] < before["bottom"] - 1:
            problems.append(f"{after['key']!r} is above {before['key']!r}")
    return problems
