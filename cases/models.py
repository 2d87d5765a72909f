from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models.signals import post_delete
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from valoa.content.images import IMAGE_FIELDS, Pictured, delete_files_on_commit, delete_images
from valoa.content.markdown import render_markdown
from valoa.content.models import (
    PublishedContent,
    PublishedContentQuerySet,
    content_history,
    featured_index,
)

# The page cache scope of every case page: each shows related cases (Case.objects.related_to).
RELATED_CASES = "related-cases"

# Addresses under /innostu/ that belong to the story form, not to a case.
RESERVED_SLUGS = {"kerro"}
# How many of the newest cases sharing a theme are compared for a case page's suggestions.
RELATED_CANDIDATES = 100


class Sector(models.TextChoices):
    STATE = "valtio", _("Valtion virasto")
    MUNICIPALITY = "kunta", _("Kunta")
    WELLBEING = "hyvinvointialue", _("Hyvinvointialue")
    OTHER = "muu", _("Muu julkinen organisaatio")


class CaseQuerySet(PublishedContentQuerySet):
    def for_page(self):
        """What a case's own page reads each time it is shown: its sections as rendered on
        save, not their Markdown (fewer columns to load and to make a model of)."""
        rendered = (f"{field}_html" for field, _heading in self.model.SECTIONS)
        return self.only(*self.model.CARD_FIELDS, *rendered, "contact", "contact_public")

    def related_to(self, case: "Case", count: int = 3) -> list["Case"]:
        """Other published cases, those sharing the most themes with `case` first, then newest.

        Only the RELATED_CANDIDATES newest cases that share a theme are compared, so the work
        stays the same as cases accumulate: one query, and one more for the newest others when
        fewer than `count` share a theme. The suggestions are shown as cards without themes.
        """
        related = self.sharing_themes(case, count) if case.theme_ids else []
        if len(related) < count:
            chosen = [case.pk, *(item.pk for item in related)]
            newest = self.published().exclude(pk__in=chosen).for_cards()
            related += newest.order_by("-published_at", "pk")[: count - len(related)]
        return related

    def sharing_themes(self, case: "Case", count: int) -> list["Case"]:
        """Up to `count` other published cases sharing a theme with `case`, as cards (only
        CARD_FIELDS read), the most shared themes first, of the RELATED_CANDIDATES newest.

        Hand-written: every case page asks it, and the ORM took several times longer to build
        this query than the database to answer it. (So it reads all cases: the queryset's own
        filters do not apply.)
        """
        quote = connections[self.db].ops.quote_name
        meta, themes = self.model._meta, self.model._meta.get_field("themes")
        table, pk = quote(meta.db_table), quote(meta.pk.column)
        links, owner, theme = (
            quote(name)
            for name in (themes.m2m_db_table(), themes.m2m_column_name(), themes.m2m_reverse_name())
        )
        card_columns = ", ".join(
            f"c.{quote(meta.get_field(name).column)}" for name in self.model.CARD_FIELDS
        )
        published_at = quote(meta.get_field("published_at").column)
        marks = ", ".join(["%s"] * len(case.theme_ids))
        published, published_params = self.published_sql("v")
        # The candidates drive the query (PostgreSQL reads only them, by the index); they are
        # ranked by their links alone, and only the chosen few rows are read whole.
        sql = f"""
            SELECT c.{pk}, {card_columns} FROM (
                SELECT n.{pk}, n.{published_at}, count(*) AS shared FROM (
                    SELECT v.{pk}, v.{published_at} FROM {table} v
                    WHERE {published} AND v.{pk} <> %s AND EXISTS (
                        SELECT 1 FROM {links} u WHERE u.{owner} = v.{pk} AND u.{theme} IN ({marks})
                    )
                    ORDER BY v.{published_at} DESC, v.{pk} LIMIT %s
                ) n JOIN {links} t ON t.{owner} = n.{pk} AND t.{theme} IN ({marks})
                GROUP BY n.{pk}, n.{published_at}
                ORDER BY shared DESC, n.{published_at} DESC, n.{pk} LIMIT %s
            ) r JOIN {table} c ON c.{pk} = r.{pk}
            ORDER BY r.shared DESC, r.{published_at} DESC, r.{pk}"""
        params = [
            *published_params,
            case.pk,
            *case.theme_ids,
            RELATED_CANDIDATES,
            *case.theme_ids,
            count,
        ]
        return list(self.raw(sql, params))


class Case(PublishedContent, Pictured):
    """A case example or an experiment of one organisation, written up by the editors."""

    IMAGE_FOLDER = "innostu"

    class Kind(models.TextChoices):
        CASE = "esimerkki", _("Tapausesimerkki")
        EXPERIMENT = "kokeilu", _("Kokeilu")

    # The four Markdown sections, in the order they are shown: (field, heading).
    SECTIONS = [
        ("background", _("Tausta ja haaste")),
        ("actions", _("Mitä tehtiin")),
        ("learnings", _("Mitä opittiin")),
        ("tips", _("Vinkit muille")),
    ]

    PAGE_URL_NAME = "cases:detail"
    CARD_FIELDS = (
        *PublishedContent.CARD_FIELDS,
        *IMAGE_FIELDS,
        *("kind", "organisation", "sector", "duration", "is_demo"),
    )

    kind = models.CharField(_("laji"), max_length=10, choices=Kind.choices, default=Kind.CASE)
    organisation = models.CharField(_("organisaatio"), max_length=200)
    sector = models.CharField(_("sektori"), max_length=20, choices=Sector.choices)
    background = models.TextField(
        _("tausta ja haaste"), blank=True, help_text=_("Markdown-muotoilu on käytössä.")
    )
    actions = models.TextField(
        _("mitä tehtiin"), blank=True, help_text=_("Markdown-muotoilu on käytössä.")
    )
    learnings = models.TextField(
        _("mitä opittiin"),
        blank=True,
        help_text=_("Markdown-muotoilu on käytössä. Kerro myös siitä, mikä ei toiminut."),
    )
    tips = models.TextField(
        _("vinkit muille"), blank=True, help_text=_("Markdown-muotoilu on käytössä.")
    )
    background_html = models.TextField(editable=False, default="")
    actions_html = models.TextField(editable=False, default="")
    learnings_html = models.TextField(editable=False, default="")
    tips_html = models.TextField(editable=False, default="")
    duration = models.CharField(
        _("kesto tai vuosi"),
        max_length=100,
        blank=True,
        help_text=_("Esimerkiksi ”2023–2024” tai ”puoli vuotta, syksy 2024”."),
    )
    contact = models.TextField(
        _("yhteyshenkilö"),
        max_length=500,
        blank=True,
        help_text=_(
            "Nimi ja yhteystieto. Näytetään sivulla vain, jos alla oleva kohta on valittu."
        ),
    )
    contact_public = models.BooleanField(
        _("yhteystiedot näytetään sivulla"),
        default=False,
        help_text=_("Valitse vain, jos yhteyshenkilö on antanut siihen luvan."),
    )
    is_demo = models.BooleanField(
        _("kuvitteellinen esittelysisältö"),
        default=False,
        help_text=_(
            "Sivulla kerrotaan, että esimerkki on kuvitteellinen ja vain esittelyä varten."
        ),
    )
    # What is derived from the sections is left out of the versions: it is rendered again when
    # a version returns. So is the image: a replaced image's files are deleted, and a version
    # keeps today's image.
    history = content_history(
        _("esimerkin tai kokeilun versio"),
        _("esimerkkien ja kokeilujen versiot"),
        excluded_fields=[
            *(f"{field}_html" for field, _heading in SECTIONS),
            *IMAGE_FIELDS,
        ],
    )
    SEARCH_FIELDS = {
        "title": "A",
        "lead": "B",
        "background": "C",
        "actions": "C",
        "learnings": "C",
        "tips": "C",
    }

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "pk"]
        verbose_name = _("esimerkki tai kokeilu")
        verbose_name_plural = _("esimerkit ja kokeilut")
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            # The list's filters by kind and by sector, newest first.
            models.Index(fields=["status", "kind", "-published_at"], name="case_status_kind_idx"),
            models.Index(
                fields=["status", "sector", "-published_at"], name="case_status_sector_idx"
            ),
            featured_index(),
        ]

    def render_derived(self) -> None:
        """What is rendered from the text on save (also for rows stored in bulk)."""
        for field, _heading in self.SECTIONS:
            # Under the section's own h2 heading.
            setattr(self, f"{field}_html", render_markdown(getattr(self, field), top_heading=3))

    def save(self, *args, **kwargs):
        self.render_derived()
        replaced = self.resize_new_image()
        super().save(*args, **kwargs)
        delete_files_on_commit(self.image.storage, replaced)

    def cache_scopes(self) -> tuple[str, ...]:
        # Every case page may suggest it among its related cases.
        return (*super().cache_scopes(), RELATED_CASES)

    def clean(self):
        super().clean()
        errors = self.image_errors()
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Osoitetunniste ”%(slug)s” on varattu. Valitse toinen.") % {
                "slug": self.slug
            }
        if errors:
            raise ValidationError(errors)

    @classmethod
    def unique_slug(cls, title: str) -> str:
        base = slugify(title)[:190].strip("-") or "esimerkki"
        if base in RESERVED_SLUGS:
            base = f"{base}-esimerkki"
        slug, number = base, 1
        while cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    # The labels without get_FOO_display, which translates every choice's label to find one.
    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def sector_label(self) -> str:
        return SECTOR_LABELS.get(self.sector, self.sector)

    def sections(self) -> list[tuple[str, str]]:
        """(heading, html) of the sections that have content, in reading order."""
        return [
            (heading, getattr(self, f"{field}_html"))
            for field, heading in self.SECTIONS
            if getattr(self, f"{field}_html")
        ]


KIND_LABELS = dict(Case.Kind.choices)
SECTOR_LABELS = dict(Sector.choices)

post_delete.connect(delete_images, sender=Case, dispatch_uid="delete-case-images")
