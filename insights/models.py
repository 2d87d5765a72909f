from dataclasses import dataclass, field
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.fields.json import KT
from django.db.models.signals import post_delete
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from valoa.content.images import IMAGE_FIELDS, Pictured, delete_files_on_commit, delete_images
from valoa.content.markdown import render_markdown
from valoa.content.models import (
    PublishedContent,
    PublishedContentQuerySet,
    content_history,
    featured_index,
)
from valoa.moderation import ModerationStatus
from valoa.posting.models import Posted
from valoa.posting.notifications import editor_addresses, send_after_commit
from valoa.web import page_cache
from valoa.web.addresses import slug_url
from valoa.web.page_cache import LISTING

AUTHOR_PHOTO_SIZE = 400  # shown at most 8rem wide: 400 px covers it at 3x


class Author(models.Model):
    """Who wrote an article: shown in the article's author box and on the author's page."""

    name = models.CharField(_("nimi"), max_length=100)
    slug = models.SlugField(_("osoitetunniste"), max_length=100, unique=True)
    job_title = models.CharField(_("tehtävänimike"), max_length=150, blank=True)
    organisation = models.CharField(_("organisaatio"), max_length=200, blank=True)
    bio = models.TextField(_("lyhyt esittely"), max_length=600, blank=True)
    photo = models.ImageField(
        _("kuva"),
        upload_to="kirjoittajat/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("Vapaaehtoinen. Kuva pienennetään tallennettaessa."),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(
        _("kuvan tekstivastine"),
        max_length=300,
        blank=True,
        help_text=_("Pakollinen, jos kuva on. Esimerkiksi ”Aino Esimerkki hymyilee”."),
    )
    email = models.EmailField(
        _("sähköposti"),
        blank=True,
        help_text=_(
            "Vapaaehtoinen, ei näy sivuilla. Toimitus löytää kirjoittajan tiedot tällä "
            "osoitteella henkilötietotyökalusta."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kirjoittaja")
        verbose_name_plural = _("kirjoittajat")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        stored = Author.objects.filter(pk=self.pk).values_list("photo", flat=True).first()
        if self.photo and not self.photo._committed:
            self.photo.save(self.photo.name, shrunk(self.photo.file), save=False)
        with transaction.atomic():
            super().save(*args, **kwargs)
            if stored and stored != self.photo.name:
                # A replaced or removed photo is personal data that no page shows any more.
                storage = self.photo.storage
                transaction.on_commit(lambda: storage.delete(stored))

    def get_absolute_url(self) -> str:
        return slug_url("author", self.slug)

    @classmethod
    def shared(cls) -> dict[int, "Author"]:
        """Every author's name by id, for the cards' bylines: read once per process while the
        site holds (page_cache.kept_while_the_site_holds; a saved author moves it), as themes
        are. Names only: they are on every card anyway, and nothing else is kept."""
        return page_cache.kept_while_the_site_holds(
            "authors", lambda: {author.pk: author for author in cls.objects.only("name")}
        )

    def clean(self):
        super().clean()
        if self.photo and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Kirjoita kuvalle tekstivastine.")})

    def description(self) -> str:
        """ "Tehtävänimike, Organisaatio", as much of it as is known."""
        return ", ".join(part for part in (self.job_title, self.organisation) if part)


def shrunk(file) -> ContentFile:
    """An uploaded photo at most AUTHOR_PHOTO_SIZE pixels a side, upright, as JPEG or PNG."""
    file.seek(0)
    with Image.open(file) as original:
        image = ImageOps.exif_transpose(original)
        image.thumbnail((AUTHOR_PHOTO_SIZE, AUTHOR_PHOTO_SIZE), Image.Resampling.LANCZOS)
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        buffer = BytesIO()
        if transparent:
            image.convert("RGBA").save(buffer, "PNG", optimize=True)
        else:
            image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name="kuva.png" if transparent else "kuva.jpg")


# What templates/insights/article_detail.html shows of an article and of its author.
ARTICLE_PAGE_FIELDS = [
    *("title", "slug", "lead", "language", "theme_ids", "published_at", "updated_at"),
    "body_html",
    *("author", "comments_open", *IMAGE_FIELDS),
]


class ArticleQuerySet(PublishedContentQuerySet):
    def for_list(self):
        return super().for_list().select_related("author")

    def for_page(self):
        """What an article's own page reads each time it is shown (the text as rendered on
        save): fewer columns to load and to make a model of. Its author is read only when the
        article's kept part of the page is rendered again ({% card %}), not for every reader."""
        return self.only(*ARTICLE_PAGE_FIELDS)


class Article(PublishedContent, Pictured):
    """An insight article written by the editors, with its readers' comments."""

    IMAGE_FOLDER = "oivallukset"
    body = models.TextField(_("leipäteksti"), help_text=_("Markdown-muotoilu on käytössä."))
    body_html = models.TextField(editable=False, default="")
    author = models.ForeignKey(
        Author, verbose_name=_("kirjoittaja"), on_delete=models.PROTECT, related_name="articles"
    )
    comments_open = models.BooleanField(_("kommentointi auki"), default=True)
    PAGE_URL_NAME = "insights:article"
    # A card names its author from the shared ones (`author_name`): no join.
    CARD_FIELDS = (*PublishedContent.CARD_FIELDS, *IMAGE_FIELDS, "author")
    # What is derived from the text is left out of the versions: it is rendered again when a
    # version returns.
    history = content_history(
        _("artikkelin versio"),
        _("artikkelien versiot"),
        excluded_fields=["body_html", *IMAGE_FIELDS],
    )
    SEARCH_FIELDS = {"title": "A", "lead": "B", "body": "C"}

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("artikkeli")
        verbose_name_plural = _("artikkelit")
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            featured_index(),
        ]

    def render_derived(self) -> None:
        """What is rendered from the text on save (also for rows stored in bulk)."""
        self.body_html = render_markdown(self.body)

    def save(self, *args, **kwargs):
        self.render_derived()
        replaced = self.resize_new_image()
        super().save(*args, **kwargs)
        delete_files_on_commit(self.image.storage, replaced)

    def clean(self):
        super().clean()
        if errors := self.image_errors():
            raise ValidationError(errors)

    @property
    def author_name(self) -> str:
        author = Author.shared().get(self.author_id)
        return self.author.name if author is None else author.name

    def accepts_comments(self) -> bool:
        if not self.comments_open:
            return False
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        return days is None or self.published_at > timezone.now() - timedelta(days=days)


# What Comment.markup is rendered from: when one of these changes, so does the markup.
MARKUP_SOURCES = {"name", "body", "created_at", "status"}


def render_comment_markup(comment, languages=None) -> dict[str, dict[str, str]]:
    """A comment's header and text and its reply link's label, in each interface language."""
    markup = {}
    for language in languages or [code for code, _name in settings.LANGUAGES]:
        with override(language):
            markup[language] = {
                part: render_to_string(
                    f"insights/_comment_{part}.html", {"comment": comment}
                ).strip()
                for part in ("content", "reply_label")
            }
    return markup


def store_comment_markup(comments, batch: int = 1000) -> int:
    """Render and store the markup of these comments, a batch at a time; returns how many."""
    pending, stored = [], 0
    for comment in comments.only("name", "body", "created_at").iterator(chunk_size=batch):
        comment.stored_markup = render_comment_markup(comment)
        pending.append(comment)
        if len(pending) == batch:
            comments.model.objects.bulk_update(pending, ["stored_markup"])
            stored, pending = stored + batch, []
    comments.model.objects.bulk_update(pending, ["stored_markup"])
    return stored + len(pending)


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ModerationStatus.APPROVED)

    def pending(self):
        return self.filter(status=ModerationStatus.PENDING)

    def reader_insights(self):
        """Readers' own insights: comments on the Oivallukset page itself, not on an article."""
        return self.filter(article__isnull=True)

    def threads(self):
        """Approved top-level comments in order."""
        return self.approved().filter(parent__isnull=True).order_by("created_at", "pk")

    def shown(self, *fields):
        """What a list shows of each comment, as (*fields, pk, content, reply label) rows: the
        markup stored in the active language (Comment.stored_markup; None where none is),
        without model instances. `shown_comments()` makes a page of them ready to show."""
        language = get_language()
        return self.annotate(
            shown_content=KT(f"stored_markup__{language}__content"),
            shown_reply_label=KT(f"stored_markup__{language}__reply_label"),
        ).values_list(*fields, "pk", "shown_content", "shown_reply_label")


@dataclass
class ShownComment:
    """An approved comment as a list shows it (insights_tags.comment_list): its markup as
    stored, rendered and escaped from the comment templates."""

    pk: str  # as the list writes it, in anchors and links
    content: str | None
    reply_label: str | None
    replies: list["ShownComment"] = field(default_factory=list)


def shown_comments(rows, with_replies: bool = True) -> list[ShownComment]:
    """A page of `CommentQuerySet.shown()` rows, with their approved replies in one query
    more. A comment without stored markup in this language is rendered now, as
    `Comment.markup` would (all such comments in one query)."""
    threads = {pk: ShownComment(str(pk), content, label) for pk, content, label in rows}
    shown = dict(threads)
    if with_replies and threads:
        replies = Comment.objects.approved().filter(parent__in=threads)
        for parent, pk, content, label in replies.order_by("created_at", "pk").shown("parent"):
            shown[pk] = ShownComment(str(pk), content, label)
            threads[parent].replies.append(shown[pk])
    unrendered = [pk for pk, item in shown.items() if item.content is None]
    for comment in Comment.objects.filter(pk__in=unrendered) if unrendered else ():
        markup = comment.markup
        shown[comment.pk].content = markup["content"]
        shown[comment.pk].reply_label = markup["reply_label"]
    return list(threads.values())


class Comment(Posted):
    """A reader's comment on an article, or (without an article) a reader's own insight."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("artikkeli"),
        on_delete=models.CASCADE,
        related_name="comments",
        null=True,
        blank=True,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("vastaus kommenttiin"),
        on_delete=models.CASCADE,
        related_name="replies",
        null=True,
        blank=True,
    )
    name = models.CharField(_("nimi"), max_length=100)
    email = models.EmailField(_("sähköposti"))
    body = models.TextField(_("kommentti"), max_length=5000)
    status = models.CharField(
        _("tila"),
        max_length=10,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("lähetetty"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("käsitelty"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käsittelijä"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Rendered once, when an approved comment is saved (as an article's Markdown is): a page of
    # comments costs a look-up each instead of a render with dates and translations. Empty for
    # what readers do not see.
    stored_markup = models.JSONField(editable=False, default=dict)
    # Search finds an article through its approved comments (indexed as articles are).
    SEARCH_FIELDS = {"body": "D"}
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kommentti")
        verbose_name_plural = _("kommentit ja lukijoiden oivallukset")
        permissions = [("moderate_comment", _("Voi hyväksyä, hylätä ja merkitä roskapostiksi"))]
        indexes = [
            models.Index(fields=["article", "status", "parent", "created_at"]),
            # An article's page of threads, oldest first: read in their order, so that only the
            # page's rows are read whole (its count from the index alone).
            models.Index(
                fields=["article", "status", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_threads_idx",
            ),
            # Readers' own insights, newest first, on the Oivallukset page.
            models.Index(
                fields=["status", "-created_at", "-id"],
                condition=models.Q(article__isnull=True),
                name="comment_reader_insights_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.excerpt()}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or MARKUP_SOURCES & set(update_fields):
            self.render_derived()
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "stored_markup"]
        with transaction.atomic():  # the search index first, the page cache's bump after
            super().save(*args, **kwargs)

    def render_derived(self) -> None:
        """What is rendered on save (also for rows stored in bulk): a public comment's markup."""
        self.stored_markup = render_comment_markup(self) if self.is_public() else {}

    def get_absolute_url(self) -> str:
        if self.article_id is None:
            return reverse("insights:list") + f"#oivallus-{self.pk}"
        return self.article.get_absolute_url() + f"#kommentti-{self.pk}"

    def is_public(self) -> bool:
        """Shown to readers: only then do its changes empty the page cache."""
        return self.status == ModerationStatus.APPROVED

    @property
    def markup(self) -> dict[str, str]:
        """The stored markup in the active language (rendered now where none is stored)."""
        language = get_language()
        parts = (
            self.stored_markup.get(language) or render_comment_markup(self, [language])[language]
        )
        return {part: mark_safe(html) for part, html in parts.items()}

    def cache_scopes(self) -> tuple[str, ...]:
        """Where a change shows: its article's page and the pages that list content (a
        reader's own insight is on the insights list), not the other articles' pages."""
        article = (Article(pk=self.article_id).page_cache_scope,) if self.article_id else ()
        return (*article, LISTING)

    def excerpt(self, length: int = 80) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= length else text[: length - 1] + "…"

    @property
    def is_reader_insight(self) -> bool:
        return self.article_id is None

    def hold_as_spam(self, reason: str) -> None:
        self.status = ModerationStatus.SPAM
        super().hold_as_spam(reason)

    def on_received(self) -> None:
        """A reader has just posted this (valoa.posting): the moderators hear of it, not of spam."""
        if self.status != ModerationStatus.SPAM:
            self.notify_moderators_on_commit()

    def notify_moderators_on_commit(self) -> None:
        kind = _("Uusi lukijan oivallus") if self.is_reader_insight else _("Uusi kommentti")
        where = self.article.title if self.article_id else _("Oivallukset-sivu")
        admin_url = settings.SITE_URL + reverse("admin:insights_comment_change", args=[self.pk])
        body = _(
            "%(kind)s odottaa tarkistusta.\n\nKohde: %(where)s\nKirjoittaja: %(name)s\n"
            "Tila: %(status)s\n\n%(body)s\n\nKäsittele: %(url)s\n"
        ) % {
            "kind": kind,
            "where": where,
            "name": self.name,
            "status": self.get_status_display(),
            "body": self.body,
            "url": admin_url,
        }
        send_after_commit(
            f"[VALOA] {kind}: {where}",
            body,
            editor_addresses(),
            what=f"comment {self.pk} notification",
            about=self,
        )

    def set_status(self, status: str, by) -> None:
        """Record a moderation decision and who made it (without saving)."""
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = by

    def _moderate(self, status: str, by) -> None:
        self.set_status(status, by)
        self.save(update_fields=["status", "moderated_at", "moderated_by"])

    def approve(self, by=None) -> None:
        self._moderate(ModerationStatus.APPROVED, by)

    def reject(self, by=None) -> None:
        self._moderate(ModerationStatus.REJECTED, by)

    def mark_spam(self, by=None) -> None:
        self._moderate(ModerationStatus.SPAM, by)


post_delete.connect(delete_images, sender=Article, dispatch_uid="delete-article-images")
