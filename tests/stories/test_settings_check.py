"""A system check catches an attachment limit that no request could carry."""

from stories.checks import check_attachment_fits_in_a_request


def test_the_default_limits_fit(settings):
    assert check_attachment_fits_in_a_request(None) == []


def test_an_attachment_limit_beyond_the_request_limit_is_an_error(settings):
    settings.SUBMISSION_ATTACHMENT_MAX_MB = 50
    settings.MAX_REQUEST_BYTES = 12 * 1024 * 1024

    [error] = check_attachment_fits_in_a_request(None)

    assert error.id == "stories.E001"
    assert "MAX_REQUEST_BYTES" in error.hint
