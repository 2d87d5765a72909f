"""VALOA settings: one module, driven by environment variables (see README)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from valoa.env import env_bool, env_int, env_list, env_str, parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

DEVELOPMENT_SECRET_KEY = "django-insecure-valoa-local-development-only"
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("SECRET_KEY must be a random value of at least 50 characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Public address used in links of emails sent to moderators and contributors.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Theme names and workbook statements in Swedish and English (before the admin).
    "modeltranslation",
    "valoa.apps.ValoaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Search lookups and expressions (used on PostgreSQL only; importable on SQLite) and the
    # sitemap.xml template.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "csp",
    "valoa.apps.AxesConfig",  # django-axes, named in Finnish
    "simple_history",
    "valoa",
    "insights",
    "cases",
    "stories",
    "workbook",
    "feedback",
    "subscriptions",
]

MIDDLEWARE = [
    "valoa.web.middleware.RequestIdMiddleware",
    # Near the top: a database outage anywhere below gives the readable 503 page.
    "valoa.web.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "valoa.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the rest: a cached page for an anonymous reader needs none of it (page_cache.py).
    "valoa.web.page_cache.PageCacheMiddleware",
    "valoa.web.middleware.ContentSecurityPolicyMiddleware",
    "valoa.web.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "valoa.web.middleware.AdminInFinnishMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Who saved a version of an article or case (the admin's history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "valoa.urls"
WSGI_APPLICATION = "valoa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer gives a 503 page in seconds, not a hanging request.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_CONNECT_TIMEOUT", 3, minimum=1
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Made for concurrent web use (a double click, two readers posting at once): a writer waits
    # for the lock instead of failing with "database is locked", readers do not block it (WAL),
    # and a transaction takes the write lock when it begins, so that two transactions never
    # deadlock upgrading their read locks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Whole pages are cached for anonymous readers this many seconds (0 turns the cache off);
# any change to content or comments empties it at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Each web process keeps the pages it served lately (up to this many megabytes) and trusts the
# shared cache's generation numbers this many milliseconds after reading them: a hit then
# needs no round trip, and a change made through another process shows within that time.
PAGE_CACHE_LOCAL_MS = env_int("PAGE_CACHE_LOCAL_MS", 250)
PAGE_CACHE_LOCAL_MB = env_int("PAGE_CACHE_LOCAL_MB", 16)

# Counters for abuse limits must be shared by every web process: the database cache needs
# nothing more than the database itself.
# With REDIS_URL, Redis holds them (and the page cache), which is faster under load.
if env_str("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's backend, reusing its Redis client (a page-cache hit is one round trip).
            "BACKEND": "valoa.web.cache_backends.RedisCache",
            "LOCATION": env_str("REDIS_URL"),
            # A Redis that is down costs a request a second at most, not a hung worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "valoa_cache",
        }
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection for the admin login: 5 failures for one user from one address lock
# that pair out for an hour; a superuser can lift a lock in the admin ("Kirjautumisyritykset").
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
# The only login is the admin's: after it (also when `next` points off the site), its index.
LOGIN_REDIRECT_URL = "admin:index"
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_CLIENT_IP_CALLABLE = "valoa.posting.antispam.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
# The interface in Finnish, Swedish and English; content stays in the language it was written in.
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
# Content editors write in Finnish; the Swedish and English of shared texts (theme names,
# workbook statements and questions) fall back to it where not written (valoa/translation.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi",)
FORMAT_MODULE_PATH = ["valoa.formats"]  # English dates day first (valoa/formats/en)
# The site's Swedish and English; Finnish for the libraries that ship none (the admin's).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "third_party_locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where `collectstatic` puts the fingerprinted, compressed files that whitenoise serves.
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Contributors' attachments: outside MEDIA_ROOT and static files, never served publicly.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private-media")
SUBMISSION_ATTACHMENT_MAX_MB = env_int("SUBMISSION_ATTACHMENT_MAX_MB", 10, minimum=1)

# Forms render with the site's own crispy-forms template pack: templates/valoa_forms/.
CRISPY_ALLOWED_TEMPLATE_PACKS = ["valoa_forms"]
CRISPY_TEMPLATE_PACK = "valoa_forms"
# Django's widgets, the plainest of them without templates (valoa/web/form_renderer.py).
FORM_RENDERER = "valoa.web.form_renderer.FormRenderer"

# Mail: printed to the console in development unless EMAIL_URL says otherwise.
_email = parse_email_url(env_str("EMAIL_URL") or ("console:" if DEBUG else "smtp://localhost"))
EMAIL_BACKEND = _email.backend
EMAIL_HOST = _email.host
EMAIL_PORT = _email.port
EMAIL_HOST_USER = _email.user
EMAIL_HOST_PASSWORD = _email.password
EMAIL_USE_TLS = _email.use_tls
EMAIL_USE_SSL = _email.use_ssl
EMAIL_TIMEOUT = _email.timeout
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "VALOA <valoa@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MODERATOR_EMAILS = env_list("MODERATOR_EMAILS", ["toimitus@localhost"] if DEBUG else [])

# Comments and anti-spam.
COMMENTS_PER_PAGE = env_int("COMMENTS_PER_PAGE", 50, minimum=1)
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", None, minimum=1)
COMMENTS_AUTO_APPROVE_KNOWN_EMAILS = env_bool("COMMENTS_AUTO_APPROVE_KNOWN_EMAILS", False)
SPAM_MAX_LINKS = env_int("SPAM_MAX_LINKS", 2)
SPAM_BLOCKED_WORDS = env_list("SPAM_BLOCKED_WORDS", ["viagra", "casino", "kasino", "crypto-bonus"])
# A form sent faster than this after it was shown is taken for a robot.
FORM_MIN_SECONDS = env_int("FORM_MIN_SECONDS", 3)
FORM_MAX_AGE_SECONDS = 24 * 60 * 60
RATE_LIMIT_POSTS = env_int("RATE_LIMIT_POSTS", 5, minimum=1)
RATE_LIMIT_PERIOD_SECONDS = env_int("RATE_LIMIT_PERIOD_SECONDS", 600, minimum=1)
# Behind a reverse proxy, the client address comes from the last X-Forwarded-For entry.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)

# Request limits: the largest form is a story with a 10 MB attachment.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 12 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 300
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Where readers send feedback on accessibility and privacy (shown in the statements).
FEEDBACK_EMAIL = env_str("FEEDBACK_EMAIL", "valoa@example.fi")
# Where a reader's answer to any mail of the site goes: people, not the sending address.
EMAIL_REPLY_TO = env_str("EMAIL_REPLY_TO", FEEDBACK_EMAIL)
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "mailto:tietoturva@example.fi")

# Security: strict by default in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Off only for a local HTTP trial of the production set-up (docker compose).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "valoa.web.middleware.RequestIdLogFilter"}},
    "formatters": {
        "one_line": {
            "()": "valoa.web.middleware.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s request=%(request_id)s %(message)s",
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "one_line",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Workbook: a team's results are shown only when at least this many have answered, and
# workbooks nobody has opened or saved for this many months are deleted by
# `manage.py delete_old_workbooks` (run it daily from cron).
WORKBOOK_TEAM_THRESHOLD = env_int("WORKBOOK_TEAM_THRESHOLD", 3, minimum=1)
WORKBOOK_RETENTION_MONTHS = env_int("WORKBOOK_RETENTION_MONTHS", 18, minimum=1)
# New participants one team link takes, and one address may add, per period: whoever invents
# answers to see through the threshold is slowed to this pace (README: "Team rules").
WORKBOOK_NEW_PARTICIPANTS = env_int("WORKBOOK_NEW_PARTICIPANTS", 10, minimum=1)
WORKBOOK_NEW_PARTICIPANTS_SECONDS = env_int("WORKBOOK_NEW_PARTICIPANTS_SECONDS", 60, minimum=1)

# Modules whose `load()` the `load_demo` command runs, in order.
DEMO_CONTENT = ["insights.demo", "cases.demo", "valoa.demo"]

# The admin's address; change it to keep automated login attempts away from the default one.
ADMIN_PATH = env_str("ADMIN_PATH", "admin/").strip("/") + "/"
