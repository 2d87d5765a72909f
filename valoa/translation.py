"""Which shared texts editors give in Swedish and English too (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from valoa.models import Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description", "meaning", "meaning_html", "in_practice", "in_practice_html")
