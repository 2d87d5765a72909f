"""What articles and cases share: published content written by the editors."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from valoa.models import Theme
from valoa.web.addresses import slug_url
from valoa.web.page_cache import LISTING


def content_history(verbose_name, verbose_name_plural, excluded_fields=()) -> HistoricalRecords:
    """Every saved version of a document, who saved it and when; an editor restores one in the
    admin (valoa.admin.ContentAdmin), its themes with it. Left out: the search index and what
    `excluded_fields` names (what is derived again when a version returns)."""
    return HistoricalRecords(
        verbose_name=verbose_name,
        verbose_name_plural=verbose_name_plural,
        excluded_fields=["search_vector", "theme_ids", *excluded_fields],
        m2m_fields=["themes"],
    )


class PublishedContentQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, and its publishing time has come (by `now`, when
        given: valoa.content.compiled). The same rule as SQL: `published_sql`."""
        now = timezone.now() if now is None else now
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=now)

    def published_sql(self, alias: str) -> tuple[str, list]:
        """`published()`'s rule as an SQL condition on the rows of table `alias`, with its
        parameters: for hand-written SQL where the ORM costs more to build the query than the
        database to run it (the case page's related cases)."""
        connection = connections[self.db]
        quote = connection.ops.quote_name
        status, published_at = (
            f"{quote(alias)}.{quote(self.model._meta.get_field(name).column)}"
            for name in ("status", "published_at")
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        return f"{status} = %s AND {published_at} <= %s", [self.model.Status.PUBLISHED.value, now]

    def next_scheduled(self, now):
        """When the next document published with a future time appears, or None."""
        later = self.filter(status=self.model.Status.PUBLISHED, published_at__gt=now)
        return later.aggregate(first=models.Min("published_at"))["first"]

    def for_list(self):
        """With what a page shows of each (its themes come with the row: `shown_themes`);
        without the search index, which no page shows."""
        return self.defer("search_vector")

    def for_cards(self):
        """For lists of cards: only what a card shows (the model's CARD_FIELDS); the rest of
        the row is most of its size and of the work of reading it."""
        return self.only(*self.model.CARD_FIELDS)


def featured_index() -> models.Index:
    """The few the editors lifted to the home page, found without reading the rest (for a
    subclass's Meta.indexes; named after the model)."""
    return models.Index(
        fields=["featured_order", "-published_at"],
        condition=models.Q(featured=True),
        name="%(class)s_featured_idx",
    )


class PublishedContent(models.Model):
    """A document the editors write and publish: the shared fields, status and search.

    A subclass lists its searched fields in SEARCH_FIELDS, weighted: search (valoa.search, the
    app's search source) indexes them on every save: on PostgreSQL into search_vector (GIN
    index by migration, PostgreSQL only, so not in Meta.indexes), on SQLite into the FTS5 table
    `<table>_fts`.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        PUBLISHED = "published", _("Julkaistu")

    title = models.CharField(_("otsikko"), max_length=200)
    slug = models.SlugField(_("osoitetunniste"), max_length=200, unique=True)
    lead = models.TextField(_("ingressi"), max_length=600)
    themes = models.ManyToManyField("valoa.Theme", verbose_name=_("teemat"), blank=True)
    # The ids of `themes`, kept with the row (`keep_theme_ids`) so that a page shows an item's
    # themes without a query of its own: from the themes every page shares (Theme.shared()).
    theme_ids = models.JSONField(default=list, editable=False)
    language = models.CharField(
        _("sisällön kieli"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("julkaisuaika"),
        default=timezone.now,
        help_text=_("Julkaistu tulee lukijoiden näkyviin tästä hetkestä alkaen."),
    )
    # Lifted to the home page by the editors, in their order.
    featured = models.BooleanField(
        _("nosta etusivulle"),
        default=False,
        help_text=_("Näytetään etusivun nostoissa, kun sisältö on julkaistu."),
    )
    featured_order = models.PositiveSmallIntegerField(
        _("järjestys etusivulla"),
        default=0,
        blank=True,  # forms that leave it out (or empty) keep the default
        help_text=_("Pienin numero näytetään ensimmäisenä."),
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    SEARCH_FIELDS: dict[str, str] = {}
    # The name of a document's page, which takes its slug (`page_url`).
    PAGE_URL_NAME: str
    # What a list's card shows (its template and {% card %}'s key) and a list orders by.
    CARD_FIELDS: tuple[str, ...] = (
        *("title", "slug", "lead", "language", "theme_ids"),
        *("published_at", "updated_at", "featured_order"),
    )

    objects = PublishedContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.featured_order is None:  # emptied in the admin
            self.featured_order = 0
        # The search index (post_save) is written in the same transaction, before the page
        # cache's bump after the commit.
        with transaction.atomic():
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.page_url(self.slug)

    @classmethod
    def page_url(cls, slug: str) -> str:
        """A document's address by its slug alone: for lists read without model instances."""
        return slug_url(cls.PAGE_URL_NAME, slug)

    def get_preview_url(self) -> str:
        """The editors' preview (valoa.content.preview), in any state."""
        return reverse(f"{self._meta.app_label}:preview", kwargs={"pk": self.pk})

    def is_readable(self) -> bool:
        """Readers can open it now: the same rule as `published()`, for one document."""
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def is_public(self) -> bool:
        """Shown to readers (now, or from its publishing time): its changes empty the page cache."""
        return self.status == self.Status.PUBLISHED

    @property
    def shown_themes(self) -> list:
        """Its themes as pages show them, in the themes' order."""
        shared = Theme.shared()
        return Theme.in_order(shared[pk] for pk in self.theme_ids if pk in shared)

    @property
    def page_cache_scope(self) -> str:
        """The cached pages of this document alone (its own page)."""
        return f"{self._meta.model_name}:{self.pk}"

    def cache_scopes(self) -> tuple[str, ...]:
        """Where a change shows (valoa.web.page_cache): its page and the lists."""
        return (self.page_cache_scope, LISTING)


def keep_theme_ids(sender, instance, action, reverse, **kwargs) -> None:
    """m2m_changed of a document's themes: store the ids with its row. (Only from the
    document's side: the admin's and history's way; simple_history's own m2m tracking does not
    take changes from the theme's side either.)"""
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        instance.theme_ids = store_theme_ids(type(instance), [instance.pk])[instance.pk]


def fill_theme_ids(apps, app_label: str, model_name: str) -> None:
    """Store every row's theme ids (use in a RunPython migration)."""
    documents = apps.get_model(app_label, model_name)
    store_theme_ids(documents, list(documents.objects.values_list("pk", flat=True)))


def store_theme_ids(documents, ids) -> dict[int, list[int]]:
    """Write each document's theme ids as its links are now; returns them by document."""
    through = documents.themes.through
    owner = through._meta.get_field(documents._meta.model_name).attname
    links = through.objects.filter(**{f"{owner}__in": ids}).order_by("theme_id")
    found: dict[int, list[int]] = {pk: [] for pk in ids}
    for document, theme in links.values_list(owner, "theme_id"):
        found[document].append(theme)
    for pk, theme_ids in found.items():
        documents.objects.filter(pk=pk).update(theme_ids=theme_ids)
    return found
