"""A large, realistic data set for the benchmark, inserted in bulk (COPY on PostgreSQL).

Runs in its own process against DATABASE_URL, which must be a separate database: an empty one
(migrated) is filled; one this module filled before is reused as it is; anything else is refused.

    DATABASE_URL=postgres://… python -m bench.seed [--smoke] [--articles N …]

Markdown is rendered once per text variant and the HTML stored with it, as `save()` would;
comments' markup once per comment (as `Comment.save()` does: most of the seeding time).
Nothing here sends signals: the search index must be built (`manage.py rebuild_search_index`)
and the page cache emptied before the site is measured.
"""

import argparse
import dataclasses
import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valoa.settings")

BUSIEST_SLUG = "vilkkain-keskustelu"
QUIET_SLUG = "ei-viela-kommentteja"  # an article with no comments
FIFTY_SLUG = "viisikymmenta-kommenttia"  # an article with exactly FIFTY comments
FIFTY = 50
CASE_SLUG = "esimerkki-keskusteleva-virasto"
TEAM_NAME = "Vertailutiimi (30 vastaajaa)"
FILTERED_CASES = "?laji=kokeilu&teema=dialogi"
SEARCH = "/haku/?q=dialogi"


@dataclasses.dataclass(frozen=True)
class Size:
    articles: int = 2_000
    comments: int = 100_000  # approved, including replies and readers' own insights
    busiest: int = 500  # comments on the busiest article
    cases: int = 5_000
    workbooks: int = 20_000
    team: int = 30  # participants of the one team whose summary is measured

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        for field in dataclasses.fields(cls):
            parser.add_argument(f"--{field.name}", type=int, help=f"default {field.default:,}")

    @classmethod
    def from_options(cls, options: argparse.Namespace) -> "Size":
        base = SMOKE if options.smoke else cls()
        chosen = {
            field.name: getattr(options, field.name)
            for field in dataclasses.fields(cls)
            if getattr(options, field.name) is not None
        }
        return dataclasses.replace(base, **chosen)


SMOKE = Size(articles=40, comments=800, busiest=120, cases=60, workbooks=80, team=30)

WORDS = [
    "työyhteisö", "oppiminen", "dialogi", "kokeilu", "valmentava", "johtaminen", "tiimi",
    "asiakas", "palaute", "yhteistyö", "luottamus", "tavoite", "prosessi", "arki", "verkosto",
    "kehittäminen", "kuuntelu", "kysymys", "tarkoitus", "rakenne", "vastuu", "päätös",
    "havainto", "osaaminen", "muutos", "rohkeus", "virhe", "onnistuminen", "keskustelu",
    "esihenkilö", "kunta", "virasto", "hyvinvointialue", "palvelu", "työpaja", "suunta",
]  # fmt: skip
ORGANISATIONS = [
    "Verohallinto", "Tampereen kaupunki", "Pirkanmaan hyvinvointialue", "Maanmittauslaitos",
    "Oulun kaupunki", "Kela", "Traficom", "Lapin hyvinvointialue", "Opetushallitus",
    "Espoon kaupunki", "Tilastokeskus", "Poliisihallitus",
]  # fmt: skip
FIRST_NAMES = ["Aino", "Eero", "Helmi", "Juha", "Kaisa", "Lauri", "Mervi", "Niko", "Outi", "Pekka"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(sentences))


def article_body(rng: random.Random) -> str:
    """About 900 words of Markdown: headings, paragraphs, a list and a quote."""
    parts = []
    for section in range(4):
        parts.append(f"## {sentence(rng, 4)[:-1]}")
        parts.extend(paragraph(rng, 5) for _ in range(2))
        if section == 1:
            parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)))
        if section == 2:
            parts.append(f"> {sentence(rng, 12)}")
    return "\n\n".join(parts)


PLAIN_TYPES = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "DateField",
    "DateTimeField", "EmailField", "ForeignKey", "IntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SlugField", "TextField", "OneToOneField",
}  # fmt: skip


class Loader:
    """Inserts model instances in bulk: COPY on PostgreSQL, bulk_create elsewhere.

    Ids are handed out here (the database is new or was filled only by us), so that rows can
    refer to each other without reading ids back; the sequences are moved past them at the end.
    """

    def __init__(self):
        from django.db import connection

        self.connection = connection
        self.next_id: dict = {}
        self.models: set = set()
        self.known_columns: dict = {}
        self.timings: dict[str, float] = {}
        self.rows = 0

    def without_row_triggers(self) -> None:
        """Skip the per-row foreign key checks in this transaction (PostgreSQL, superuser):
        the rows refer to each other correctly by construction, and the checks would take
        most of the time. Without the privilege the checks simply run."""
        from django.db import DatabaseError, transaction

        if self.connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(), self.connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
        except DatabaseError:
            pass

    def ids(self, model, count: int) -> range:
        from django.db.models import Max

        if model not in self.next_id:
            self.next_id[model] = (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        start = self.next_id[model]
        self.next_id[model] = start + count
        return range(start, start + count)

    def insert(self, model, objects: list) -> None:
        if not objects:
            return
        started = time.monotonic()
        self._insert(model, objects)
        name = model._meta.label
        self.timings[name] = round(self.timings.get(name, 0) + time.monotonic() - started, 2)

    def _insert(self, model, objects: list) -> None:
        self.models.add(model)
        self.rows += len(objects)
        if objects[0].pk is None:
            for obj, pk in zip(objects, self.ids(model, len(objects)), strict=True):
                obj.pk = pk
        if self.connection.vendor != "postgresql":
            model.objects.bulk_create(objects, batch_size=500)
            return
        fields = [
            field for field in model._meta.concrete_fields if field.column in self.columns(model)
        ]
        columns = ", ".join(self.connection.ops.quote_name(field.column) for field in fields)
        table = self.connection.ops.quote_name(model._meta.db_table)
        with (
            self.connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            # psycopg adapts plain values itself; others (files, automatic dates) are prepared
            # as Django would, which costs more per row.
            plain = [
                field.get_internal_type() in PLAIN_TYPES
                and not getattr(field, "auto_now", False)
                and not getattr(field, "auto_now_add", False)
                for field in fields
            ]
            for obj in objects:
                copy.write_row(
                    [
                        getattr(obj, field.attname)
                        if is_plain
                        else field.get_db_prep_save(field.pre_save(obj, True), self.connection)
                        for field, is_plain in zip(fields, plain, strict=True)
                    ]
                )

    def columns(self, model) -> set[str]:
        """The table's columns as they are in the database (a model may be ahead of it)."""
        if model not in self.known_columns:
            with self.connection.cursor() as cursor:
                description = self.connection.introspection.get_table_description(
                    cursor, model._meta.db_table
                )
            self.known_columns[model] = {column.name for column in description}
        return self.known_columns[model]

    def finish(self) -> None:
        """Move the id sequences past the inserted rows. (The search index is built by
        `manage.py rebuild_search_index`, which bench.pages runs and times.)"""
        from django.core.management.color import no_style

        started = time.monotonic()
        with self.connection.cursor() as cursor:
            for statement in self.connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(statement)
        self.timings["sequences"] = round(time.monotonic() - started, 2)

    def vacuum(self) -> None:
        """What autovacuum does in production: the planner needs statistics. After the
        transaction (VACUUM needs that)."""
        if self.connection.vendor != "postgresql":
            return
        started = time.monotonic()
        with self.connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.timings["VACUUM ANALYZE"] = round(time.monotonic() - started, 2)


def seed(size: Size, rng: random.Random) -> dict:
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone

    from cases.models import Case, Sector
    from insights.models import Article, Author, Comment, render_comment_markup
    from valoa.content.markdown import render_markdown
    from valoa.models import Theme
    from valoa.moderation import ModerationStatus
    from workbook.models import (
        Answer,
        Experiment,
        Participant,
        ReflectionAnswer,
        ReflectionQuestion,
        Round,
        Statement,
        Workbook,
        new_token,
    )

    now = timezone.now()
    loader = Loader()
    themes = list(Theme.objects.values_list("pk", flat=True))
    dialogue = Theme.objects.get(slug="dialogi").pk
    statements = list(Statement.objects.active().values_list("pk", flat=True))
    questions = list(ReflectionQuestion.objects.active().values_list("pk", flat=True))
    counts: dict[str, int] = {}

    # Texts of the many small rows come from pools: generating each would take longer than
    # storing it.
    comment_texts = [paragraph(rng, 1 + n % 4) for n in range(400)]
    reflection_texts = [paragraph(rng, 2) for _ in range(100)]
    notes = [sentence(rng, 6) for _ in range(100)]

    def some_themes(must: int | None = None) -> list[int]:
        chosen = set(rng.sample(themes, rng.randint(1, 3)))
        if must:
            chosen.add(must)
        return sorted(chosen)

    with transaction.atomic():
        loader.without_row_triggers()
        # Articles: one every ~1.5 days back in time; the newest is the busiest, the next two
        # have no comments and exactly FIFTY.
        slugs = {0: BUSIEST_SLUG, 1: QUIET_SLUG, 2: FIFTY_SLUG}
        bodies = [article_body(rng) for _ in range(12)]
        rendered = [(body, render_markdown(body)) for body in bodies]
        authors = [
            Author(pk=pk, name=f"{name} K.", slug=f"kirjoittaja-{pk}", bio=sentence(rng, 9))
            for pk, name in zip(loader.ids(Author, len(FIRST_NAMES)), FIRST_NAMES, strict=True)
        ]
        loader.insert(Author, authors)
        articles, article_themes = [], []
        Through = Article.themes.through
        for index, pk in enumerate(loader.ids(Article, size.articles)):
            body, body_html = rng.choice(rendered)
            published = now - timedelta(hours=36 * index + 1)
            articles.append(
                Article(
                    pk=pk,
                    title=sentence(rng, 5)[:-1],
                    slug=slugs.get(index, f"oivallus-{pk}"),
                    lead=paragraph(rng, 2)[:600],
                    body=body,
                    body_html=body_html,
                    author_id=rng.choice(authors).pk,
                    status=Article.Status.PUBLISHED if index % 50 != 49 else Article.Status.DRAFT,
                    published_at=published,
                )
            )
            articles[-1].theme_ids = some_themes(dialogue)
            article_themes += [Through(article_id=pk, theme_id=t) for t in articles[-1].theme_ids]
        loader.insert(Article, articles)
        loader.insert(Through, article_themes)
        counts["articles"] = len(articles)

        # Approved comments: the busiest article gets `busiest`, 1 % are readers' own insights
        # (no article), the rest are spread over the other published articles; a fifth of the
        # comments are replies to a top-level comment of the same article.
        published = [a for a in articles[3:] if a.status == Article.Status.PUBLISHED]
        insights = max(1, size.comments // 100)
        spread = size.comments - size.busiest - FIFTY - insights
        targets = [articles[0]] * size.busiest + [articles[2]] * FIFTY + [None] * insights
        targets += [rng.choice(published) for _ in range(spread)] if published else []
        comments, tops = [], {}
        for pk, article in zip(loader.ids(Comment, len(targets)), targets, strict=True):
            article_id = article.pk if article else None
            # Comments come within two months of the article; readers' own insights over the
            # last three years.
            if article:
                start = article.published_at
            else:
                start = now - timedelta(days=rng.randint(1, 3 * 365) + 60)
            earlier = tops.get(article_id)
            parent = rng.choice(earlier) if article and earlier and rng.random() < 0.2 else None
            created = start + timedelta(minutes=rng.randint(1, 60 * 24 * 60))
            comment = Comment(
                pk=pk,
                article_id=article_id,
                parent_id=parent.pk if parent else None,
                name=f"{rng.choice(FIRST_NAMES)} {pk}",
                email=f"lukija{pk}@example.fi",
                body=rng.choice(comment_texts),
                status=ModerationStatus.APPROVED,
                created_at=min(created, now),
                moderated_at=min(created, now),
            )
            if parent:
                comment.created_at = max(comment.created_at, parent.created_at)
            else:
                tops.setdefault(article_id, []).append(comment)
            comment.stored_markup = render_comment_markup(comment)  # as save() does
            comments.append(comment)
        loader.insert(Comment, comments)
        counts["comments"] = len(comments)

        # Cases: a fifth are experiments; sections rendered once per variant.
        sections = [paragraph(rng, 4) + "\n\n" + paragraph(rng, 3) for _ in range(8)]
        section_html = {text: render_markdown(text) for text in sections}
        cases, case_themes = [], []
        CaseThrough = Case.themes.through
        for index, pk in enumerate(loader.ids(Case, size.cases)):
            texts = {name: rng.choice(sections) for name, _ in Case.SECTIONS}
            case = Case(
                pk=pk,
                kind=Case.Kind.EXPERIMENT if index % 5 == 0 else Case.Kind.CASE,
                title=sentence(rng, 5)[:-1],
                slug=CASE_SLUG if index == 2 else f"esimerkki-{pk}",
                organisation=rng.choice(ORGANISATIONS),
                sector=rng.choice(Sector.values),
                lead=paragraph(rng, 2)[:600],
                duration="2023–2024",
                status=Case.Status.PUBLISHED if index % 40 != 39 else Case.Status.DRAFT,
                published_at=now - timedelta(hours=12 * index + 1),
                **texts,
                **{f"{name}_html": section_html[text] for name, text in texts.items()},
            )
            cases.append(case)
            case.theme_ids = some_themes(dialogue if index == 2 else None)
            case_themes += [CaseThrough(case_id=pk, theme_id=t) for t in case.theme_ids]
        loader.insert(Case, cases)
        loader.insert(CaseThrough, case_themes)
        counts["cases"] = len(cases)

        # Workbooks: most used alone, a fifth by teams of up to 8; some have a second round, notes,
        # reflections and an experiment plan. The measured team has 30 answers in its second
        # round and 25 in the first.
        workbooks, rounds, participants, answers = [], [], [], []
        reflections, experiments = [], []
        round_ids = iter(loader.ids(Round, size.workbooks * 2))
        participant_ids = iter(loader.ids(Participant, size.workbooks * 10 + size.team * 2))

        def answer_round(round_: Round, people: int, is_team: bool) -> None:
            round_pk = round_.pk
            counts: dict[str, list[int]] = {}
            for _ in range(people):
                participant_pk = next(participant_ids)
                participants.append(
                    Participant(pk=participant_pk, round_id=round_pk, completed_at=now)
                )
                for statement in statements:
                    level = rng.randint(1, 3)
                    counts.setdefault(str(statement), [0, 0, 0])[level - 1] += 1
                    answers.append(
                        Answer(
                            participant_id=participant_pk,
                            statement_id=statement,
                            level=level,
                            note=rng.choice(notes) if rng.random() < 0.1 else "",
                        )
                    )
            if is_team and people >= settings.WORKBOOK_TEAM_THRESHOLD:
                # The team's published results, as Round.publish_if_due would have left them.
                round_.published_counts, round_.published_count = counts, people
                round_.published_at = now
            for question in questions:
                if people and rng.random() < 0.3:
                    text = rng.choice(reflection_texts)
                    reflections.append(
                        ReflectionAnswer(round_id=round_pk, question_id=question, text=text)
                    )
            if people and rng.random() < 0.3:
                experiments.append(
                    Experiment(round_id=round_pk, what=sentence(rng, 8), why=sentence(rng, 10))
                )

        for index, pk in enumerate(loader.ids(Workbook, size.workbooks)):
            is_team = index % 5 == 0
            is_measured = index == 0
            created = now - timedelta(hours=index % (24 * 540))
            workbooks.append(
                Workbook(
                    pk=pk,
                    token=new_token(),
                    participant_token=new_token() if is_team else None,
                    mode=Workbook.Mode.TEAM if is_team else Workbook.Mode.SOLO,
                    name=TEAM_NAME if is_measured else f"Työkirja {pk}",
                    created_at=created,
                    updated_at=now if is_measured else created,
                )
            )
            number_of_rounds = 2 if is_measured or rng.random() < 0.1 else 1
            for number in range(1, number_of_rounds + 1):
                round_pk = next(round_ids)
                closed = created if number < number_of_rounds else None
                round_ = Round(
                    pk=round_pk, workbook_id=pk, number=number, created_at=created, closed_at=closed
                )
                rounds.append(round_)
                if is_measured:
                    people = size.team if number == 2 else size.team * 5 // 6
                elif is_team:
                    people = rng.randint(0, 8)
                else:
                    people = 1
                answer_round(round_, people, is_team)
                if is_measured and number == 2:
                    reflections[:] = [r for r in reflections if r.round_id != round_pk]
                    reflections.extend(
                        ReflectionAnswer(
                            round_id=round_pk, question_id=q, text=rng.choice(reflection_texts)
                        )
                        for q in questions
                    )
        loader.insert(Workbook, workbooks)
        loader.insert(Round, rounds)
        loader.insert(Participant, participants)
        loader.insert(Answer, answers)
        loader.insert(ReflectionAnswer, reflections)
        loader.insert(Experiment, experiments)
        counts.update(workbooks=len(workbooks), participants=len(participants))
        counts["answers"] = len(answers)
        loader.finish()
    loader.vacuum()
    counts["rows"] = loader.rows
    counts["timings"] = loader.timings
    return counts


def seeded() -> bool:
    from insights.models import Article

    return Article.objects.filter(slug=BUSIEST_SLUG).exists()


def existing() -> dict[str, int]:
    """How much a database seeded earlier holds (it may have been seeded at another size)."""
    from cases.models import Case
    from insights.models import Article, Comment
    from workbook.models import Answer, Workbook

    return {
        "articles": Article.objects.count(),
        "comments": Comment.objects.approved().count(),
        "cases": Case.objects.count(),
        "workbooks": Workbook.objects.count(),
        "answers": Answer.objects.count(),
    }


def is_empty() -> bool:
    from cases.models import Case
    from insights.models import Article, Comment
    from workbook.models import Workbook

    return not any(m.objects.exists() for m in (Article, Comment, Case, Workbook))


def pages() -> dict[str, str]:
    """The measured addresses of the seeded data set, by name (in the order of the table)."""
    from django.urls import reverse

    from cases.models import Case
    from insights.models import Article
    from workbook.models import Workbook

    team = Workbook.objects.get(name=TEAM_NAME)
    return {
        "home": reverse("home"),
        "insights p1": reverse("insights:list"),
        "insights p50": reverse("insights:list") + "?sivu=50",
        "busiest article": Article.objects.get(slug=BUSIEST_SLUG).get_absolute_url(),
        "cases 2 filters": reverse("cases:list") + FILTERED_CASES,
        "case page": Case.objects.get(slug=CASE_SLUG).get_absolute_url(),
        "search": SEARCH,
        "team summary": reverse("workbook:summary", kwargs={"token": team.token}),
    }


def render_pages() -> dict[str, str]:
    """The pages whose uncached render time has a target (issue 18), by name."""
    from django.urls import reverse

    from insights.models import Article

    measured = pages()
    chosen = {"article, 0 comments": QUIET_SLUG, f"article, {FIFTY} comments": FIFTY_SLUG}
    # A database seeded before these two articles existed has neither: they are left out.
    existing = set(Article.objects.filter(slug__in=chosen.values()).values_list("slug", flat=True))
    return {
        **{
            name: reverse("insights:article", kwargs={"slug": slug})
            for name, slug in chosen.items()
            if slug in existing
        },
        **{name: measured[name] for name in ("busiest article", "home", "insights p1")},
        "cases list": reverse("cases:list"),
        **{name: measured[name] for name in ("case page", "team summary")},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny data set (seconds)")
    Size.add_arguments(parser)
    options = parser.parse_args()
    size = Size.from_options(options)

    import django

    django.setup()
    started = time.monotonic()
    if seeded():
        result = {"reused": True, **existing()}
    elif not is_empty():
        print(
            "The database already has content that this benchmark did not create. "
            "Point DATABASE_URL at a separate, empty database.",
            file=sys.stderr,
        )
        return 2
    else:
        result = {"reused": False, **seed(size, random.Random(7))}
    result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
