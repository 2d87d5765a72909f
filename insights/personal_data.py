"""Comments, readers' insights and authors in the site's personal-data tools and retention."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insights.models import Author, Comment, store_comment_markup
from valoa.moderation import ModerationStatus
from valoa.personal_data import PersonalDataSource, RetentionRule
from valoa.posting.notifications import messages_about
from valoa.web import page_cache

ANONYMOUS_NAME = "Nimetön"
ANONYMOUS_AUTHOR = "Nimetön kirjoittaja"
SPAM_AND_REJECTED_DAYS = 30


def find(email: str) -> list[dict]:
    comments = Comment.objects.filter(email__iexact=email).select_related("article")
    return [
        {
            "id": comment.pk,
            "kohde": comment.article.title if comment.article_id else "Lukijan oivallus",
            "nimi": comment.name,
            "sähköposti": comment.email,
            "teksti": comment.body,
            "tila": comment.get_status_display(),
            "lähetetty": comment.created_at,
        }
        for comment in comments
    ]


def erase(email: str) -> int:
    """Anonymise: the text stays in its discussion, the person's name and address go, and so
    does the mail about their comments (the editors' notifications name them)."""
    comments = Comment.objects.filter(email__iexact=email)
    shown = list(comments.approved().values_list("pk", flat=True))
    messages_about(comments).delete()
    count = comments.update(name=ANONYMOUS_NAME, email="", submission_key=None)
    if shown:
        store_comment_markup(Comment.objects.filter(pk__in=shown))  # it shows the name
        page_cache.invalidate()  # and so do cached pages
    return count


def delete_old_spam_and_rejected(now: datetime) -> int:
    cutoff = now - timedelta(days=SPAM_AND_REJECTED_DAYS)
    old = Comment.objects.filter(
        status__in=[ModerationStatus.SPAM, ModerationStatus.REJECTED]
    ).filter(Q(moderated_at__lt=cutoff) | Q(moderated_at__isnull=True, created_at__lt=cutoff))
    return old.delete()[0]


def find_authors(email: str) -> list[dict]:
    return [
        {
            "id": author.pk,
            "nimi": author.name,
            "sähköposti": author.email,
            "tehtävänimike": author.job_title,
            "organisaatio": author.organisation,
            "esittely": author.bio,
            "kuva": author.photo.name,
            "artikkelit": [article.title for article in author.articles.all()],
        }
        for author in Author.objects.filter(email__iexact=email).prefetch_related("articles")
    ]


def erase_authors(email: str) -> int:
    """The articles stay, signed by an unnamed author: everything that tells who it was goes,
    the photo file too."""
    count = 0
    for author in Author.objects.filter(email__iexact=email):
        author.photo = None
        author.name, author.slug = ANONYMOUS_AUTHOR, f"kirjoittaja-{author.pk}"
        author.job_title = author.organisation = author.bio = author.photo_alt = author.email = ""
        author.save()  # empties the cached pages (every change to an author does)
        count += 1
    return count


COMMENTS = PersonalDataSource(label=str(_("Kommentit ja oivallukset")), find=find, erase=erase)
AUTHORS = PersonalDataSource(label=str(_("Kirjoittajat")), find=find_authors, erase=erase_authors)
OLD_SPAM_AND_REJECTED = RetentionRule(
    label=str(_("Roskapostiksi merkityt ja hylätyt kommentit (30 päivää)")),
    apply=delete_old_spam_and_rejected,
)
