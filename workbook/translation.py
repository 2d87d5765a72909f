"""The workbook's statements and questions in Swedish and English too (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from workbook.models import ReflectionQuestion, Statement


@register([Statement, ReflectionQuestion])
class PromptTranslation(TranslationOptions):
    fields = ("text",)
