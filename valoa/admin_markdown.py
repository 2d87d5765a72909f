"""Markdown fields in the admin: syntax help beside the field and, with JavaScript, a live
preview rendered by the site's own Markdown rendering (a plain textarea without it)."""

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from valoa.content.markdown import render_markdown

# (what to write, what it gives), shown beside every Markdown field.
SYNTAX = [
    ("## Väliotsikko", _("väliotsikko (# Otsikko näkyy myös väliotsikkona)")),
    ("**lihavoitu**", _("lihavoitu teksti")),
    ("*kursiivi*", _("kursivoitu teksti")),
    ("- kohta", _("luettelo, kohta omalle rivilleen")),
    ("1. kohta", _("numeroitu luettelo")),
    ("[linkin teksti](https://esimerkki.fi)", _("linkki")),
    ("> lainaus", _("lainaus")),
]


class MarkdownTextarea(forms.Textarea):
    """A textarea with the syntax help; `top_heading` is the level of the text's highest
    heading on the page (2 under the page's h1, 3 under a section's h2)."""

    def __init__(self, top_heading: int = 2, attrs=None):
        super().__init__({"rows": 20, **(attrs or {})})
        self.top_heading = top_heading

    @property
    def media(self):
        return forms.Media(js=["js/admin-markdown.js"])

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id", f"id_{name}")
        rows = format_html_join(
            "", "<tr><td><code>{}</code></td><td>{}</td></tr>", ((m, str(t)) for m, t in SYNTAX)
        )
        return format_html(
            '<div class="markdown-field">{field}'
            '<aside class="markdown-help" aria-labelledby="{id}-ohje">'
            '<h3 id="{id}-ohje">{help}</h3><p>{blank}</p>'
            '<table><thead><tr><th scope="col">{write}</th><th scope="col">{gives}</th></tr>'
            "</thead><tbody>{rows}</tbody></table></aside>"
            '<section class="markdown-live-preview" data-markdown-preview data-for="{id}" '
            'data-url="{url}" data-top-heading="{top}" aria-labelledby="{id}-esikatselu" hidden>'
            '<h3 id="{id}-esikatselu">{preview}</h3>'
            '<div class="valoa-preview" data-markdown-output aria-live="polite"></div>'
            "</section></div>",
            field=field,
            id=field_id,
            help=gettext("Muotoiluohje"),
            blank=gettext("Tyhjä rivi aloittaa uuden kappaleen."),
            write=gettext("Kirjoita"),
            gives=gettext("Saat"),
            rows=rows,
            url=reverse("admin:markdown_preview"),
            top=self.top_heading,
            preview=gettext("Esikatselu kirjoittaessa"),
        )


class MarkdownFields:
    """For a model admin: `markdown_fields` maps a field's name to its top heading level."""

    markdown_fields: dict[str, int] = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.markdown_fields:
            kwargs["widget"] = MarkdownTextarea(top_heading=self.markdown_fields[db_field.name])
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@require_POST
def markdown_preview(request):
    """The text as readers will see it (the admin site's view: staff only, CSRF checked)."""
    try:
        top = min(6, max(2, int(request.POST.get("otsikkotaso", 2))))
    except ValueError:
        top = 2
    response = HttpResponse(render_markdown(request.POST.get("teksti", ""), top_heading=top))
    add_never_cache_headers(response)
    return response
