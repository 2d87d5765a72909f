"""The site's form renderer: Django's, with its plainest widgets written without a template.

A text box or a checkbox is three nested templates in Django (the widget's, input.html and
attrs.html), a tenth of a millisecond each on every form a page shows. These few are written
here exactly as those templates write them (tests/valoa/test_form_renderer_matches_django.py
compares them); every other widget, and the forms' own templates, render as in Django.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

WIDGETS = "django/forms/widgets/"
# The widgets whose template is only {% include "django/forms/widgets/input.html" %}.
INPUTS = {
    f"{WIDGETS}{name}.html"
    for name in (
        "input", "text", "email", "hidden", "checkbox", "number", "password", "url", "search",
        "tel", "date", "datetime", "time", "color",
    )
}  # fmt: skip
TEXTAREA = f"{WIDGETS}textarea.html"


def formatted(value) -> str:
    """As {{ value|stringformat:'s' }} writes it: escaped unless it is already safe."""
    return value if isinstance(value, SafeData) else escape(str(value))


def attributes(attrs: dict) -> str:
    """As attrs.html writes them: False leaves one out, True writes its name alone."""
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{formatted(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if template_name in INPUTS and widget is not None:
            value = widget["value"]
            shown = "" if value is None else f' value="{formatted(value)}"'
            return mark_safe(
                f'<input type="{conditional_escape(widget["type"])}" '
                f'name="{conditional_escape(widget["name"])}"{shown}'
                f"{attributes(widget['attrs'])}>"
            )
        if template_name == TEXTAREA and widget is not None:
            text = conditional_escape(widget["value"]) if widget["value"] else ""
            return mark_safe(
                f'<textarea name="{conditional_escape(widget["name"])}"'
                f"{attributes(widget['attrs'])}>\n{text}</textarea>"
            )
        return super().render(template_name, context, request)
