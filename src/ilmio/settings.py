"""Django settings for Ilmiö.

Everything that differs between a laptop demo and production comes from ``ILMIO_*``
environment variables with safe defaults. Production = ``ILMIO_DEBUG`` unset/false with
``ILMIO_SECRET_KEY`` set; that combination passes ``manage.py check --deploy``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("ILMIO_DEBUG", False)
# Under pytest the suite needs no secrets from the environment.
TESTING = env_bool("ILMIO_TESTING", False) or "pytest" in sys.modules
# Demo mode installs the demo app (synthetic data builders); production never has it.
DEMO_MODE = env_bool("ILMIO_DEMO", False) or DEBUG or TESTING

# The data directory holds the embedded SQLite database and uploaded files.
DATA_DIR = Path(os.environ.get("ILMIO_DATA_DIR", Path.cwd() / "var")).resolve()
MEDIA_ROOT = DATA_DIR / "media"
# The instance's Ed25519 key that signs its federation packages (created on first export).
FEDERATION_KEY_FILE = os.environ.get("ILMIO_FEDERATION_KEY_FILE", str(DATA_DIR / "federation_ed25519.pem"))
MEDIA_URL = "/media/"

SECRET_KEY = os.environ.get("ILMIO_SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "django-insecure-ilmio-development-key-not-for-production"
    else:
        raise ImproperlyConfigured(
            "ILMIO_SECRET_KEY is not set. Set it in the environment (50+ random characters); "
            "'ilmio demo' and 'ilmio serve' create one for local use."
        )

ALLOWED_HOSTS = env_list("ILMIO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("ILMIO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "ilmio.core",
    "ilmio.areas",
    "ilmio.taxonomy",
    "ilmio.accounts",
    "ilmio.reports",
    "ilmio.indicators",
    "ilmio.analysis",
    "ilmio.shortcomings",
    "ilmio.sources",
    "ilmio.knowledge",
    "ilmio.participation",
    "ilmio.plans",
    "ilmio.situation",
    "ilmio.federation",
    "ilmio.gdpr",
    *(["ilmio_demo"] if DEMO_MODE else []),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "ilmio.core.middleware.RejectNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ilmio.accounts.mfa.RequireSecondFactor",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ilmio.core.middleware.RedactionNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

# A county instance runs the whole loop; a national one (THL, a cooperation area) has no
# intake: it receives the counties' signed packages of suppressed counts and compares them
# (issue #17, decision 0041). Its pages and API are a separate URL configuration, so a county
# page cannot be reached there even by a link someone forgot.
INSTANCE_KINDS = ("county", "national")
ILMIO_INSTANCE = os.environ.get("ILMIO_INSTANCE", "county").strip().lower() or "county"
if ILMIO_INSTANCE not in INSTANCE_KINDS:
    raise ImproperlyConfigured(f"ILMIO_INSTANCE must be one of {', '.join(INSTANCE_KINDS)}, not {ILMIO_INSTANCE!r}")
NATIONAL_INSTANCE = ILMIO_INSTANCE == "national"
ROOT_URLCONF = "ilmio.urls_national" if NATIONAL_INSTANCE else "ilmio.urls"
WSGI_APPLICATION = "ilmio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ilmio.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("ILMIO_DATABASE_URL", f"sqlite:///{DATA_DIR / 'ilmio.sqlite3'}"),
        conn_max_age=int(os.environ.get("ILMIO_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL + a busy timeout lets the embedded database take concurrent writers without
    # "database is locked" under a multi-worker server.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "ilmio.accounts.backends.CountyPasswordBackend",
    # Answers nobody until single sign-on is configured below (decision 0038).
    "ilmio.accounts.oidc.CountyOIDCBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id (argon2-cffi) with Django's parameters hashes new passwords (decision 0013);
# the PBKDF2 hashers stay so that older passwords still verify and are rehashed at log-in.
PRODUCTION_PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
PASSWORD_HASHERS = PRODUCTION_PASSWORD_HASHERS
if TESTING:
    # A real hasher costs tenths of a second per created user and log-in; tests check who
    # may log in, not the hash (tests/foundation/test_password_hashing.py checks the list above).
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Single sign-on with the county's OpenID Connect provider (decision 0038): off unless a
# client id is set. The endpoints are the provider's (Entra ID, Keycloak…); the group claim
# holds the groups that county administrators map to roles.
OIDC_RP_CLIENT_ID = os.environ.get("ILMIO_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("ILMIO_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("ILMIO_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("ILMIO_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("ILMIO_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("ILMIO_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("ILMIO_OIDC_SCOPES", "openid email profile")
OIDC_GROUPS_CLAIM = os.environ.get("ILMIO_OIDC_GROUPS_CLAIM", "groups")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"

# Roles whose local accounts give a one-time code after their password (decision 0038);
# accounts of the identity provider are not asked. None in the demo (its users are shown on
# its front page) and in tests, which turn it on where they test it.
MFA_ROLES = env_list("ILMIO_MFA_ROLES", "" if DEMO_MODE or TESTING else "admin,manager,coordinator")
OTP_TOTP_ISSUER = "Ilmiö"

# Internationalisation: Finnish first, Swedish and English always.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "ilmio_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE: Literal["Lax", "Strict", "None", False] | None = "Lax"
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
# English dates unambiguous (1 Dec 2026, 2026-12-01); Finnish and Swedish use Django's own.
FORMAT_MODULE_PATH = ["ilmio.core.locale_formats"]
USE_TZ = True

STATIC_URL = "/static/"
# Only for collectstatic in production; WhiteNoise serves from the package otherwise.
STATIC_ROOT = os.environ.get("ILMIO_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve static files straight from the package: no collectstatic step, no CDN.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ilmio_cache",
    }
}

# Security. Behind a TLS-terminating proxy in production; ILMIO_INSECURE_HTTP=1 for a
# local plain-HTTP server (the demo), which turns off only the HTTPS-only settings.
INSECURE_HTTP = env_bool("ILMIO_INSECURE_HTTP", DEBUG or TESTING)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not INSECURE_HTTP
SESSION_COOKIE_SECURE = not INSECURE_HTTP
CSRF_COOKIE_SECURE = not INSECURE_HTTP
LANGUAGE_COOKIE_SECURE = not INSECURE_HTTP
SECURE_HSTS_SECONDS = 0 if INSECURE_HTTP else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not INSECURE_HTTP
SECURE_HSTS_PRELOAD = not INSECURE_HTTP
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS: list[str] = []

from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Login throttling (django-axes): 5 failures per username+IP lock for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("ILMIO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env_bool("ILMIO_LOGIN_THROTTLING", True)

# Rate limiting of anonymous intake (django-ratelimit); the value is "count/period".
RATELIMIT_PUBLIC_REPORTS = os.environ.get("ILMIO_RATELIMIT_PUBLIC_REPORTS", "20/h")
RATELIMIT_ENABLE = env_bool("ILMIO_RATELIMIT", True)
RATELIMIT_USE_CACHE = "default"

# Background work: Django's task framework via the django-tasks backport.
TASKS = {
    "default": {
        # Production: the database queue, run by `ilmio manage db_worker`. Tests and the
        # demo run tasks at once, in process.
        "BACKEND": os.environ.get(
            "ILMIO_TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend" if TESTING or DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

EMAIL_BACKEND = os.environ.get(
    "ILMIO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("ILMIO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("ILMIO_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("ILMIO_FROM_EMAIL", "ilmio@localhost")

# One place for the small-cell rule: counts below this are never shown.
SUPPRESSION_THRESHOLD = int(os.environ.get("ILMIO_SUPPRESSION_THRESHOLD", "5"))

# The most rows one action import (CSV/XLSX) may have; larger files are refused whole.
ACTION_IMPORT_MAX_ROWS = int(os.environ.get("ILMIO_ACTION_IMPORT_MAX_ROWS", "5000"))

# How long audit events are kept (ilmio.core.audit.purge_expired_events, `ilmio manage
# purge_audit_events`): two years by default.
AUDIT_RETENTION_DAYS = int(os.environ.get("ILMIO_AUDIT_RETENTION_DAYS", "730"))
# Retention (ilmio apply-retention, daily): a feedback contact goes when its report's loop is
# over, and at the latest after this; log-in records (user names, addresses) after this.
FEEDBACK_CONTACT_RETENTION_DAYS = int(os.environ.get("ILMIO_FEEDBACK_CONTACT_RETENTION_DAYS", "730"))
LOGIN_RECORD_RETENTION_DAYS = int(os.environ.get("ILMIO_LOGIN_RECORD_RETENTION_DAYS", "365"))

# Error reports never carry request bodies: report text must not leak into e-mails.
DEFAULT_EXCEPTION_REPORTER_FILTER = "ilmio.core.logging.NoRequestDataFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ilmio.core.logging.JsonFormatter"}},
    "filters": {"safe_paths": {"()": "ilmio.core.logging.SafePathFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ILMIO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Request loggers name paths: masked at the source (tokens, query strings).
        "django.server": {"level": "WARNING", "filters": ["safe_paths"]},
        "django.request": {"filters": ["safe_paths"]},
    },
}
AXES_LOCKOUT_CALLABLE = "ilmio.core.views.locked_out"

# The status pipeline of a report, declared once (django-oscar style). Each status is open
# or closed and lists the statuses it may move to; every change is recorded with who,
# when and why (ilmio.analysis.services.change_status).
# "triaged": a coordinator has looked at it and kept it. Reports from the public form count
# in the published statistics only from then on, so no one can post reports into a small
# cell to reveal the others in it (ilmio.reports.models.Report.in_statistics).
REPORT_PIPELINE: dict[str, dict[str, object]] = {
    "received": {"label": _("Received"), "flags": ["open", "unclassified", "withdrawable"],
                 "next": ["in_review", "analysed", "duplicate", "not_actionable", "withdrawn"]},
    "in_review": {"label": _("In review"), "flags": ["open", "unclassified", "withdrawable"],
                  "next": ["analysed", "duplicate", "not_actionable", "received", "withdrawn"]},
    "analysed": {"label": _("Analysed"), "flags": ["open", "triaged", "withdrawable"],
                 "next": ["in_summary", "in_review", "duplicate", "not_actionable", "closed", "withdrawn"]},
    "in_summary": {"label": _("In a summary"), "flags": ["open", "triaged"],
                   "next": ["forwarded", "analysed", "closed"]},
    "forwarded": {"label": _("Forwarded"), "flags": ["open", "triaged"], "next": ["acted_on", "closed"]},
    "acted_on": {"label": _("Acted on"), "flags": ["open", "triaged"], "next": ["closed"]},
    "closed": {"label": _("Closed"), "flags": ["triaged"], "next": ["in_review"]},
    "duplicate": {"label": _("Duplicate"), "flags": ["left_out"], "next": ["in_review"]},
    "not_actionable": {"label": _("Not actionable"), "flags": ["left_out"], "next": ["in_review"]},
    # Withdrawn by its own reporter: out of every count and of the queue; final.
    "withdrawn": {"label": _("Withdrawn"), "flags": ["left_out", "retracted"], "next": []},
}  # fmt: skip
# Flags: "open" = in the triage queue; "unclassified" = classifying moves it on;
# "triaged" = a coordinator has handled it (public-form reports count in statistics from
# then on); "left_out" = not material for summaries; "withdrawable" = its reporter may still
# withdraw it (not yet part of a summary); "retracted" = withdrawn by its reporter, out of every count.
REPORT_INITIAL_STATUS = "received"
# The statuses the code moves reports to, by role: rename a status here, not in the code.
REPORT_STATUS_ROLES = {
    "on_review": "in_review",  # a coordinator is reading it
    "on_classify": "analysed",  # after a confirmed classification
    "on_summary": "in_summary",  # cited in a published summary
    "on_proposal": "forwarded",  # part of a proposal to decision-makers
    "on_action_done": "acted_on",  # an action from its proposal is done
    "on_close": "closed",
    "on_duplicate": "duplicate",
    "on_dismiss": "not_actionable",
}

# Notifications of shortcomings (epäkohtailmoitus, valvontalaki 741/2023): the law sets no
# day limits, each county sets them in its self-monitoring plan. Keyed by county code;
# "default" for counties without their own. The acknowledgement counts working days
# (Monday to Friday), the correction calendar days.
SHORTCOMING_DEADLINES: dict[str, dict[str, int]] = {
    "default": {"acknowledge_working_days": 2, "correct_days": 30},
}
# Where a shortcoming not corrected in time is notified (from 2026 the national authority
# that replaced the regional state administrative agencies and Valvira).
SUPERVISORY_AUTHORITY: dict[str, str] = {
    "fi": "Lupa- ja valvontavirasto",
    "sv": "Tillstånds- och tillsynsverket",
    "en": "Permit and Supervisory Authority",
}

# The address people see in e-mailed links.
SITE_URL = os.environ.get("ILMIO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if os.environ.get("ILMIO_EMAIL_BACKEND", "").endswith("filebased.EmailBackend"):
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")

# How long a server process reuses the report counts it read (seconds); 0 = always fresh.
AGGREGATES_CACHE_SECONDS = int(os.environ.get("ILMIO_AGGREGATES_CACHE_SECONDS", "0" if TESTING else "60"))
# While a period's suppressed table is recomputed after new reports, serve its previous
# table instead of making the reader wait (the statistics lag by that computation).
AGGREGATES_SERVE_PREVIOUS = env_bool("ILMIO_AGGREGATES_SERVE_PREVIOUS", not TESTING)
