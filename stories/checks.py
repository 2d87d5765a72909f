"""A configuration mistake that would make the story form refuse every allowed attachment."""

from django.conf import settings
from django.core.checks import Error, register

# Room for the form's text fields next to the largest attachment.
FORM_FIELDS_ALLOWANCE = 1024 * 1024


@register()
def check_attachment_fits_in_a_request(app_configs, **kwargs):
    limit = getattr(settings, "MAX_REQUEST_BYTES", None)
    needed = settings.SUBMISSION_ATTACHMENT_MAX_MB * 1024 * 1024 + FORM_FIELDS_ALLOWANCE
    if limit is not None and needed > limit:
        return [
            Error(
                f"SUBMISSION_ATTACHMENT_MAX_MB ({settings.SUBMISSION_ATTACHMENT_MAX_MB}) does not "
                f"fit in MAX_REQUEST_BYTES ({limit}): stories with a large attachment would be "
                "refused before the form could explain why.",
                hint="Raise MAX_REQUEST_BYTES to at least the attachment limit plus 1 MB.",
                id="stories.E001",
            )
        ]
    return []
