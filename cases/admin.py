from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from valoa.admin import ContentAdmin


@admin.register(Case)
class CaseAdmin(ContentAdmin):
    # Each section sits under its own h2 heading.
    markdown_fields = dict.fromkeys(["background", "actions", "learnings", "tips"], 3)
    list_display = ["title", "kind", "sector", "organisation", "publishing_state", "published_at"]
    list_filter = ["kind", "sector", "themes", "status", "featured", "is_demo"]
    search_fields = ["title", "organisation", "lead", "background", "actions", "learnings", "tips"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes"]
    date_hierarchy = "published_at"
    readonly_fields = ["preview", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "title",
                    "slug",
                    "organisation",
                    "sector",
                    "duration",
                    "lead",
                    "themes",
                ]
            },
        ),
        (_("Osiot"), {"fields": ["background", "actions", "learnings", "tips", "preview"]}),
        (_("Kuva"), {"fields": ["image", "image_alt"]}),
        (_("Yhteystiedot"), {"fields": ["contact", "contact_public"]}),
        (
            _("Julkaisu"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "featured",
                    "featured_order",
                    "language",
                    "is_demo",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description=_("esikatselu"))
    def preview(self, case: Case) -> str:
        sections = case.sections()
        if not sections:
            return gettext(
                "Esikatselu näkyy, kun osioihin on kirjoitettu tekstiä ja se on tallennettu."
            )
        # The *_html fields are sanitised by nh3 when the case is saved.
        return format_html(
            '<div class="valoa-preview">{}</div>',
            format_html_join(
                "", "<h2>{}</h2>{}", ((heading, mark_safe(html)) for heading, html in sections)
            ),
        )
