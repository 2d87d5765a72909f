"""Small middleware of our own: request ids, size limits, headers, and a database outage page."""

import logging
import re
import sys
import uuid
from contextvars import ContextVar
from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import got_request_exception, setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation

logger = logging.getLogger(__name__)
current_request_id: ContextVar[str] = ContextVar("request_id", default="-")
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Give each request an id, shown in its log lines and in the X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        trusted = settings.BEHIND_PROXY and REQUEST_ID_PATTERN.match(incoming)
        request.id = incoming if trusted else uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class OneLineFormatter(logging.Formatter):
    """One line per record, traceback included, so that one error is one line in the log."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " ⏎ ")


class RequestSizeLimitMiddleware:
    """Refuse bodies larger than any form needs before reading them: 413 with a readable page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            megabytes = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return render(request, "413.html", {"megabytes": megabytes}, status=413)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself."""

    PERMISSIONS_POLICY = (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=(), interest-cohort=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policies of the settings built once per process (it
    built both for every response: some 300 function calls). A response whose policy is its
    own (a nonce used, a view's csp decorator) gets them built by django-csp as before."""

    OWN_POLICY = (
        "_csp_config",
        "_csp_update",
        "_csp_replace",
        "_csp_config_ro",
        "_csp_update_ro",
        "_csp_replace_ro",
    )

    def process_response(self, request, response):
        own = getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in self.OWN_POLICY
        )
        if own or (settings.DEBUG and response.status_code in (404, 500)):
            return super().process_response(request, response)
        for header, setting, exempt in (
            (HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt"),
            (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro"),
        ):
            policy, excluded = settings_policy(setting)
            if (
                policy
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(excluded)
            ):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@cache
def settings_policy(setting: str) -> tuple[str, tuple[str, ...]]:
    """A policy setting's header value and the address prefixes it is not sent for."""
    config = getattr(settings, setting, None) or {}
    policy = build_policy(report_only=setting.endswith("_REPORT_ONLY"))
    return policy, tuple(config.get("EXCLUDE_URL_PREFIXES", None) or ())


@receiver(setting_changed)
def forget_policies(setting, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        settings_policy.cache_clear()


DATABASE_OUTAGE = (OperationalError, InterfaceError)


class DatabaseUnavailableMiddleware:
    """When the database is unreachable, answer 503 with a readable page instead of a 500,
    wherever the error came from: a view, or what runs around it (the session saved after the
    view, the admin login's lockout checks, the cache table, a template rendered late).

    A view's error comes to `process_exception`. An error elsewhere Django turns into a 500
    response before any outer middleware sees it, but it first sends `got_request_exception`:
    the receiver below notes the error on the request, and this middleware, near the top of
    the stack, answers the readable page instead of that 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        error = getattr(request, "database_error", None)
        if error is not None and response.status_code == 500:
            return database_unavailable(request, error)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_OUTAGE):
            return None
        return database_unavailable(request, exception)


@receiver(got_request_exception)
def note_database_error(sender, request=None, **kwargs) -> None:
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_OUTAGE):
        request.database_error = error


def database_unavailable(request, exception: Exception) -> HttpResponse:
    """The readable 503 page, in the language of the address."""
    logger.error("Database unavailable: %s", type(exception).__name__)
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        response = render(request, "503.html", status=503)
    response["Retry-After"] = "30"
    return response


class AdminInFinnishMiddleware:
    """The editors' admin is in Finnish whatever the browser asks for: its own texts, Django's
    and the libraries' (left to the browser, a Finnish admin mixed English widget texts with
    Finnish names)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
