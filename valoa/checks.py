"""System checks that catch configuration mistakes before readers do."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from valoa.web.page_cache import SHARED_COPY_MAX_AGE


@register(Tags.security, deploy=True)
def check_production_settings(app_configs, **kwargs):
    problems = []
    if "*" in settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "ALLOWED_HOSTS must name the site's hosts, not '*'.",
                hint="Set ALLOWED_HOSTS=valoa.example.fi",
                id="valoa.E001",
            )
        )
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        problems.append(
            Warning(
                "Production runs on PostgreSQL; DATABASE_URL points elsewhere.",
                hint="Set DATABASE_URL=postgres://user:password@host/valoa",
                id="valoa.W001",
            )
        )
    return problems


@register()
def check_moderators(app_configs, **kwargs):
    if settings.MODERATOR_EMAILS:
        invalid = [address for address in settings.MODERATOR_EMAILS if "@" not in address]
        if invalid:
            return [
                Error(
                    f"MODERATOR_EMAILS has values that are not email addresses: {invalid}",
                    id="valoa.E002",
                )
            ]
        return []
    return [
        Warning(
            "MODERATOR_EMAILS is empty: nobody is told about new comments or submissions.",
            hint="Set MODERATOR_EMAILS=toimitus@example.fi,toinen@example.fi",
            id="valoa.W002",
        )
    ]


@register()
def check_spam_settings(app_configs, **kwargs):
    if settings.FORM_MIN_SECONDS >= settings.FORM_MAX_AGE_SECONDS:
        return [
            Error(
                "FORM_MIN_SECONDS must be shorter than FORM_MAX_AGE_SECONDS: no form could pass.",
                id="valoa.E003",
            )
        ]
    if 0 < settings.FORM_MIN_SECONDS <= SHARED_COPY_MAX_AGE:
        return [
            Error(
                f"FORM_MIN_SECONDS must be more than {SHARED_COPY_MAX_AGE}: a copy of a page in "
                "nginx's microcache may be that old, and a robot posting at once from it would "
                "pass the time trap (SECURITY.md).",
                id="valoa.E004",
            )
        ]
    return []
