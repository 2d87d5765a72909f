"""The search's test set: queries a Finnish reader might type, each with the demo articles and
cases (insights/demo.py, cases/demo.py) that it must find in its first ten results.

Four kinds, the ways Finnish hides a word from a search that matches letters:
- inflection: another form of a word in the text ("johtajuudesta" for "Jaettu johtajuus")
- part: a part of a compound in the text ("suunnittelusta" for "vuorosuunnittelu")
- compound: a compound typed from parts that the text has apart ("kotihoitotiimi" for
  "kotihoidon tiimit")
- base: the base form of a word the text has only inflected ("virhe" for "virheistä")
and controls (the word as written) and queries that must find nothing.

`recall()` measures the search on the current database; `snowball_recall()` measures
PostgreSQL's own Finnish full-text search (Snowball `finnish`) on the same content.
"""

from collections import defaultdict

KINDS = ["inflection", "part", "compound", "base", "control"]

# Articles (insights/demo.py)
CULTURE = "mista-valmentava-ja-oppiva-tyokulttuuri-rakentuu"
HYBRID = "dialogi-hybridityossa"
MISTAKES = "virheista-oppiminen-ilman-syyllisia"
SHARED = "jaettu-johtajuus-arjessa"
FEEDBACK = "palautekulttuuri-syntyy-pienista-teoista"
ONBOARDING = "perehdytys-on-koko-tyoyhteison-tehtava"
CHANGE = "muutoksen-johtaminen-kun-paatos-tulee-ylhaalta"
SWEDISH = "larande-i-vardagen-pa-ambetsverket"
# Cases (cases/demo.py)
POLICE = "poliisilaitos-itseohjautuvuus-ja-selkea-johto"
MINISTRY = "ministerio-hybridityon-dialogituokiot"
HOMECARE = "virheista-oppimisen-vartti-kotihoidossa"
HR = "kuntien-hr-verkosto-oppii-yhdessa"
LIBRARY = "kirjasto-tiimit-asiakasryhmien-ymparille"
PERMITS = "lupavirasto-jalkipuinti-15-minuutissa"
SHIFTS = "vuorosuunnittelu-tiimin-omiin-kasiin"
MENTORS = "mentorointiparit-yli-yksikkorajojen"
WALKS = "tekniset-palvelut-asiakkaan-silmin"
PANEL = "sosiaalipalvelujen-asiakasraati"
INSPECTORS = "ymparistoterveyden-tarkastajat-oppivat-toisiltaan"

QUERIES = [
    # Another inflection of a word in the text.
    ("inflection", "johtajuudesta", {SHARED, CULTURE}),
    ("inflection", "kotihoitoa", {HOMECARE}),
    ("inflection", "sopimuksia", {HYBRID, SHARED}),
    ("inflection", "dialogituokiossa", {MINISTRY}),
    ("inflection", "vuorolistoja", {POLICE}),
    ("inflection", "jälkipuinnista", {MISTAKES, PERMITS}),
    ("inflection", "asiakasryhmille", {LIBRARY}),
    ("inflection", "mentorointipareille", {MENTORS}),
    ("inflection", "kävelykierroksilla", {WALKS}),
    ("inflection", "palautteesta", {WALKS, FEEDBACK, PANEL}),
    ("inflection", "perehdytyksessä", {ONBOARDING}),
    ("inflection", "muutosjohtamisen", {HR}),
    ("inflection", "ikäihmisille", {LIBRARY}),
    ("inflection", "arbetsplatser", {SWEDISH}),
    # A part of a compound in the text.
    ("part", "suunnittelusta", {SHIFTS}),
    ("part", "kulttuuria", {CULTURE, FEEDBACK}),
    ("part", "johtajat", {POLICE}),
    ("part", "kokouksen", {HYBRID}),
    ("part", "listasta", {SHIFTS, POLICE}),
    ("part", "budjetti", {LIBRARY}),
    ("part", "lomakkeella", {MENTORS}),
    ("part", "ilmoitukset", {HOMECARE}),
    ("part", "opettajat", {MENTORS}),
    ("part", "kirjeestä", {PANEL}),
    ("part", "terveyden", {INSPECTORS}),
    ("part", "neuvotteluista", {CHANGE}),
    # A compound typed from parts that the text has apart.
    ("compound", "kotihoitotiimi", {HOMECARE}),
    ("compound", "oppimiskulttuuri", {CULTURE}),
    ("compound", "virheoppiminen", {MISTAKES, HOMECARE}),
    ("compound", "asiakasnäkökulma", {WALKS}),
    ("compound", "dialogikysymys", {MINISTRY, HYBRID}),
    ("compound", "perehdytyssuunnitelma", {ONBOARDING}),
    ("compound", "muutosjohtaminen", {CHANGE, HR}),
    ("compound", "asiakaskokemus", {PANEL, WALKS}),
    ("compound", "tarkastuspari", {INSPECTORS}),
    ("compound", "kiitospalaute", {FEEDBACK}),
    ("compound", "vuoropurku", {POLICE}),
    # The base form of a word that the text has only inflected.
    ("base", "kokous", {HYBRID}),
    ("base", "virhe", {MISTAKES, HOMECARE}),
    ("base", "pelisääntö", {MINISTRY}),
    ("base", "asukas", {WALKS}),
    ("base", "käsittelyaika", {PERMITS}),
    ("base", "hoitaja", {SHIFTS}),
    ("base", "kampus", {MENTORS}),
    ("base", "tilasto", {HOMECARE}),
    ("base", "konstaapeli", {POLICE}),
    ("base", "yrittäjä", {INSPECTORS}),
    ("base", "tulokas", {ONBOARDING}),
    ("base", "epävarmuus", {CHANGE}),
    ("base", "medarbetare", {SWEDISH}),
    # Controls: the word as it is written.
    ("control", "dialogi", {HYBRID}),
    ("control", "mentorointiparit", {MENTORS}),
    ("control", "jälkipuinti", {MISTAKES}),
    ("control", "vuorosuunnittelu", {SHIFTS}),
    ("control", "kirjasto", {LIBRARY}),
    ("control", "vertaispalaute", {FEEDBACK}),
    # Words in no text: nothing may be found.
    ("none", "sähköauto", set()),
    ("none", "kotihoitorobotti", set()),
    ("none", "verotarkastus", set()),
    ("none", "kalastuslupa", set()),
    ("none", "avaruusasema", set()),
    ("none", "jäätelökioski", set()),
]


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def found_by_site_search(query: str) -> list[str]:
    """The slugs of the first ten results of the site's search."""
    from django.test import RequestFactory

    from valoa.search import search

    results = search(RequestFactory().get("/haku/"), query)
    return [slug_of(hit.url) for hit in results.page.object_list] if results.page else []


SNOWBALL = """
    WITH documents AS (
        SELECT slug, setweight(to_tsvector('finnish', title), 'A')
            || setweight(to_tsvector('finnish', lead), 'B')
            || setweight(to_tsvector('finnish', body), 'C') AS vector
        FROM insights_article WHERE status = 'published'
        UNION ALL
        SELECT slug, setweight(to_tsvector('finnish', title), 'A')
            || setweight(to_tsvector('finnish', lead), 'B')
            || setweight(to_tsvector('finnish',
                concat_ws(' ', background, actions, learnings, tips)), 'C')
        FROM cases_case WHERE status = 'published'
    )
    SELECT slug FROM documents, websearch_to_tsquery('finnish', %(query)s) query
    WHERE vector @@ query ORDER BY ts_rank(vector, query) DESC LIMIT 10
"""


def found_by_snowball(query: str) -> list[str]:
    """The slugs of the first ten results of PostgreSQL's Snowball `finnish` full-text search
    over the same fields (what the site searched with before)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(SNOWBALL, {"query": query})
        return [row[0] for row in cursor.fetchall()]


def recall(found_by=found_by_site_search) -> dict:
    """Recall at 10 for each kind (the share of expected documents among the first ten
    results, averaged over the kind's queries), the queries that missed something, and the
    queries in no text that found something anyway."""
    shares, missed, false_hits = defaultdict(list), [], []
    for kind, query, expected in QUERIES:
        found = found_by(query)[:10]
        if kind == "none":
            if found:
                false_hits.append((query, found))
            continue
        shares[kind].append(len(expected & set(found)) / len(expected))
        if not expected <= set(found):
            missed.append((kind, query, sorted(expected - set(found))))
    return {
        "recall": {kind: sum(shares[kind]) / len(shares[kind]) for kind in KINDS},
        "queries": {kind: len(shares[kind]) for kind in KINDS},
        "missed": missed,
        "false_hits": false_hits,
    }


def measure() -> dict:
    """Load the demo content into the current database and measure: the site's search, and on
    PostgreSQL Snowball `finnish` too."""
    from django.db import connection

    from cases import demo as case_demo
    from insights import demo as article_demo

    article_demo.load()
    case_demo.load()
    measured = {connection.vendor: recall()}
    if connection.vendor == "postgresql":
        measured["snowball"] = recall(found_by_snowball)
    return measured


def table(measured: dict) -> str:
    """The figures as a Markdown table: a row for each kind, a column for each search."""
    names = {"sqlite": "SQLite (FTS5)", "postgresql": "PostgreSQL", "snowball": "Snowball"}
    columns = [name for name in names if name in measured]
    lines = [
        "| kind | queries | " + " | ".join(names[name] for name in columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    for kind in KINDS:
        queries = measured[columns[0]]["queries"][kind]
        shares = " | ".join(f"{measured[name]['recall'][kind]:.0%}" for name in columns)
        lines.append(f"| {kind} | {queries} | {shares} |")
    nothing = sum(1 for kind, *_ in QUERIES if kind == "none")
    found = " | ".join(
        f"{nothing - len(measured[name]['false_hits'])} of {nothing}" for name in columns
    )
    lines.append(f"| none (find nothing) | {nothing} | {found} |")
    return "\n".join(lines)


def main() -> None:
    """In a process of its own, on the database DATABASE_URL names (which it migrates)."""
    import json
    import os

    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    print(json.dumps(measure()))


if __name__ == "__main__":
    main()
