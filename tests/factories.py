"""Content factories and form posting helpers shared by the tests."""

from django.utils import timezone

from insights.models import Article, Author, Comment
from valoa import antispam
from valoa.moderation import ModerationStatus


def make_author(**fields) -> Author:
    number = Author.objects.count() + 1
    defaults = {"name": f"Kirjoittaja {number}", "slug": f"kirjoittaja-{number}"}
    return Author.objects.create(**{**defaults, **fields})


def make_article(**fields) -> Article:
    number = Article.objects.count() + 1
    defaults = {
        "title": f"Artikkeli {number}",
        "slug": f"artikkeli-{number}",
        "lead": "Ingressi.",
        "body": "Leipäteksti **lihavoituna**.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(hours=number),
    }
    defaults.update(fields)
    if "author" not in defaults:
        defaults["author"] = Author.objects.first() or make_author()
    return Article.objects.create(**defaults)


def make_comment(article=None, status=ModerationStatus.APPROVED, **fields) -> Comment:
    defaults = {"name": "Lukija", "email": "lukija@example.fi", "body": "Hyvä kirjoitus."}
    defaults.update(fields)
    return Comment.objects.create(article=article, status=status, **defaults)


def form_data(**fields) -> dict:
    """What a person's browser sends: the fields plus an untouched honeypot and a time trap."""
    return {"kotisivu": "", "aloitettu": antispam.time_trap_token(), **fields}


def comment_data(**fields) -> dict:
    return form_data(
        **{
            "name": "Maija Meikäläinen",
            "email": "maija@example.fi",
            "body": "Meillä dialogi parani, kun aloitimme kokoukset kuulumiskierroksella.",
            **fields,
        }
    )
