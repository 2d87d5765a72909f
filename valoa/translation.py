"""Which shared texts editors give in Swedish and English too (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from valoa.models import AboutPage, EditorialMember, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description", "meaning", "meaning_html", "in_practice", "in_practice_html")


@register(AboutPage)
class AboutPageTranslation(TranslationOptions):
    fields = ("body", "body_html", "controller")


@register(EditorialMember)
class EditorialMemberTranslation(TranslationOptions):
    fields = ("role",)
