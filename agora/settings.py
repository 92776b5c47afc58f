"""Agora's one settings module.

Deployment knobs come from ``AGORA_*`` environment variables through the typed helpers in
``agora.core.env``; every default gives the embedded shape (SQLite and files in the data
directory) so that ``agora serve`` needs no configuration at all. Organisation policy lives
in the database, not here.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext

from agora.core.caching import caches_for
from agora.core.env import (
    EnvError,
    env_bool,
    env_int,
    env_list,
    env_optional,
    env_path,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
DATA_DIR = env_path("AGORA_DATA_DIR", Path.cwd() / "data")
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The configured key, or one generated once and kept in the data directory."""
    configured = env_optional("AGORA_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# Lets admin classes and querysets be subscripted (ModelAdmin[Space]) at run time.
django_stubs_ext.monkeypatch()

SECRET_KEY = _secret_key()
DEBUG = env_bool("AGORA_DEBUG", False)
ALLOWED_HOSTS = env_list("AGORA_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("AGORA_CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = env_str("AGORA_SITE_NAME", "Agora")
SITE_URL = env_str("AGORA_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "agora.core",
    "agora.people",
    "agora.spaces",
    "agora.posts",
    "agora.search",
    "agora.qa",
    "agora.reputation",
    "agora.notifications",
    "agora.media",
    "agora.moderation",
    "agora.realtime",
    "agora.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "agora.core.nul.RefuseNulMiddleware",  # last: after sign-in and CSRF, before any view
]

ROOT_URLCONF = "agora.urls"
WSGI_APPLICATION = "agora.wsgi.application"

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
                "agora.core.context_processors.site",
                "agora.spaces.context_processors.viewer",
                "agora.notifications.context_processors.bell",
            ],
            "builtins": [
                "agora.core.templatetags.agora",
                "agora.people.templatetags.people_tags",
                "agora.spaces.templatetags.spaces_tags",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------
# SQLite in the data directory by default: WAL so readers never wait for the writer,
# IMMEDIATE transactions so two writers queue on the busy timeout instead of failing
# with "database is locked" when one upgrades a read lock.
_database_url = env_optional("AGORA_DATABASE_URL")
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    except ValueError as exc:
        raise EnvError(f"AGORA_DATABASE_URL could not be read: {exc}") from None
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            # Django's sqlite3 backend with queued writers (see agora/core/sqlite/base.py).
            "ENGINE": "agora.core.sqlite",
            "NAME": str(DATA_DIR / "agora.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("AGORA_SQLITE_TIMEOUT", 20, minimum=1),
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA cache_size=-20000;"
                    "PRAGMA mmap_size=134217728;"
                ),
            },
            # Opening a connection runs the PRAGMAs above; keep it for the thread's life.
            "CONN_MAX_AGE": env_int("AGORA_CONN_MAX_AGE", 600, minimum=0),
            # Tests use a file too (not :memory:), so threads and the browser tests' live
            # server see the same WAL database with the same locking as production.
            "TEST": {"NAME": str(DATA_DIR / "test-agora.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits shared by every process (database, or Redis); drawn HTML in each process's
# memory, or shared in Redis (see agora/core/caching.py).
AGORA_REDIS_URL = env_optional("AGORA_REDIS_URL")
CACHES = caches_for(AGORA_REDIS_URL)

# --- People and accounts ----------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "agora.people.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "agora.people.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
# A reset asked for an address with no account sends nothing (and says the same).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# Self sign-up is closed unless the company names the email domains that may use it.
AGORA_SIGNUP_DOMAINS = [d.lower().lstrip("@") for d in env_list("AGORA_SIGNUP_DOMAINS", [])]

# --- Email ------------------------------------------------------------------------------
_smtp_host = env_optional("AGORA_SMTP_HOST")
if _smtp_host:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _smtp_host
    EMAIL_PORT = env_int("AGORA_SMTP_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("AGORA_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = env_str("AGORA_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("AGORA_SMTP_STARTTLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("AGORA_SMTP_SSL", EMAIL_PORT == 465)
    EMAIL_TIMEOUT = env_int("AGORA_SMTP_TIMEOUT", 10, minimum=1)
else:
    # With no SMTP server configured, mail is written to the terminal running Agora.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("AGORA_EMAIL_FROM", "agora@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PROJECT_DIR / "build" / "static"]
# Lucide's SVG files (`make static` copies them from the npm package lucide-static): read by
# the `icon` template tag and drawn inline, never served as files (agora/core/icons.py).
ICON_DIR = PROJECT_DIR / "build" / "icons"
# Uploads: files in the data directory, or S3-compatible object storage (django-storages)
# when a bucket is named. Either way every download goes through a permission-checked view.
_media_bucket = env_optional("AGORA_MEDIA_BUCKET")
if _media_bucket:
    _media: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _media_bucket,
            "endpoint_url": env_optional("AGORA_MEDIA_ENDPOINT_URL"),
            "region_name": env_optional("AGORA_MEDIA_REGION"),
            "access_key": env_optional("AGORA_MEDIA_ACCESS_KEY"),
            "secret_key": env_optional("AGORA_MEDIA_SECRET_KEY"),
            "location": env_str("AGORA_MEDIA_PREFIX", ""),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DATA_DIR / "media"},
    }
STORAGES = {
    "default": _media,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background work (video posters, the orphan sweep): the Django Tasks API with its
# database backend, so the embedded shape needs no extra server. `agora serve` runs a
# worker beside the web workers; `agora worker` runs one on its own.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# What may be uploaded (types, sizes, lengths, daily volume) is the company's upload
# policy, edited in the admin (moderation.UploadPolicy). Uploads above this size are
# spooled to a temporary file by Django, never held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Security -----------------------------------------------------------------------------
SESSION_ENGINE = "agora.core.sessions"  # the database store; a key with NUL is no session
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("AGORA_SECURE_COOKIES", SITE_URL.startswith("https://"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Posting limits (defaults from REFERENCE.md; Discourse's numbers) --------------------
AGORA_POST_MAX_CHARS = env_int("AGORA_POST_MAX_CHARS", 32_000, minimum=100)
AGORA_COMMENT_MAX_CHARS = env_int("AGORA_COMMENT_MAX_CHARS", 8_000, minimum=100)
AGORA_MAX_MENTIONS = env_int("AGORA_MAX_MENTIONS", 10, minimum=0)
AGORA_FEED_PAGE_SIZE = env_int("AGORA_FEED_PAGE_SIZE", 20, minimum=1)
# The event log (agora/core/eventlog.py): how long it keeps events (a browser away longer
# is told to refresh), and how often its readers poll when no wake-up arrives.
AGORA_EVENT_LOG_DAYS = env_int("AGORA_EVENT_LOG_DAYS", 7, minimum=1)
AGORA_EVENT_POLL_SECONDS = env_int("AGORA_EVENT_POLL_SECONDS", 1, minimum=1)
# Live streams (GET /events/, agora/realtime/views.py): events queued per browser before
# a client that stops reading is dropped; keep-alive comments; how long one stream lasts
# before the browser reconnects (and resumes with Last-Event-ID); the most events a
# reconnecting browser is replayed (beyond, it is told to refresh).
AGORA_LIVE_QUEUE = env_int("AGORA_LIVE_QUEUE", 200, minimum=1)
AGORA_LIVE_KEEPALIVE_SECONDS = env_int("AGORA_LIVE_KEEPALIVE_SECONDS", 15, minimum=1)
AGORA_LIVE_MAX_SECONDS = env_int("AGORA_LIVE_MAX_SECONDS", 600, minimum=0)
AGORA_LIVE_REPLAY_MAX = env_int("AGORA_LIVE_REPLAY_MAX", 1000, minimum=1)
AGORA_LIVE_RETRY_MS = env_int("AGORA_LIVE_RETRY_MS", 3000, minimum=100)

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("AGORA_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("AGORA_LOG_LEVEL", "WARNING")},
}
