"""Samordning's settings: one module, driven by environment variables.

With no environment at all the product runs as an embedded demo: SQLite in the
project folder and DEBUG on. Production sets DEBUG=0 and must then provide
SECRET_KEY and ALLOWED_HOSTS; the security settings follow from DEBUG.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name, default=""):
    return os.environ.get(name, default)


def envbool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if not DEBUG:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
elif not SECRET_KEY:
    # Only ever used with DEBUG on, on the machine of someone trying the product.
    SECRET_KEY = "insecure-development-key-only-for-debug-mode-never-in-production"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "samordning",
    "members",
    "activities",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "members.audit.AuditContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samordning.middleware.LanguageMiddleware",
    "samordning.middleware.NoStoreForSignedInMiddleware",
    # A person who has not given their code reaches only the code page and public pages;
    # before the login requirement, so that text typed before a sign-out ended is kept.
    "members.sign_in_steps.SignInStepsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages, so it can say why a session ended.
    "samordning.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samordning.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samordning.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "samordning.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Connections are kept (opening one costs more than most pages) and checked
        # before reuse, so a restarted database server costs one failed check, not errors.
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Each process remembers what never changes once made (word diffs of two texts, rendered
# answers) and the shared page parts and kept pages (samordning.fragments), within a
# budget of bytes: the least recently used entries go first (samordning.cache).
CACHES = {
    "default": {
        "BACKEND": "samordning.cache.ByteBoundedLocMemCache",
        "OPTIONS": {
            "MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 20_000),
            "MAX_BYTES": envint("CACHE_MAX_BYTES", 64 * 1024 * 1024),
        },
    }
}

# The whole page around a shared part (header, menus, the part), kept per person and
# address (samordning.fragments.shared_page). Off, only the shared parts are kept and the
# page around them is put together on every request: `make bench` measures both, to show
# what this layer adds.
PAGE_CACHE_WHOLE_PAGES = envbool("PAGE_CACHE_WHOLE_PAGES", True)

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "members.backends.SignInBackend",
]
# Sign-in lockout: 5 failures for one account from one address lock that pair for a
# cool-off, even with the right password; the answer is 429 with a plain message.
AXES_FAILURE_LIMIT = envint("LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "members.audit.lockout_username"
AXES_CLIENT_IP_CALLABLE = "members.audit.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "members/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
LOGIN_URL = "members:login"
OTP_TOTP_ISSUER = "Samordning"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "members:login"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)
# How long an invitation link stays valid.
INVITATION_MAX_AGE_DAYS = envint("INVITATION_MAX_AGE_DAYS", 7)

LANGUAGE_CODE = env("LANGUAGE_CODE", "sv")
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date format per language ("15 januari 2027", "15 January 2027"): samordning/formats.
FORMAT_MODULE_PATH = "samordning.formats"
TIME_ZONE = env("TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# While trying the product, static files are served straight from the source folders.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: printed to the console while trying the product, SMTP in production.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
# The address people reach the product at, for links in e-mails sent outside a request.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Where people report accessibility problems (the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env("ACCESSIBILITY_CONTACT_EMAIL", "tillganglighet@example.org")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Samordning <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (e-mail): run at once while trying the product and in tests; in
# production a database queue worked off by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}
# The benchmark's floor: a signed-in page that returns a constant through every
# middleware (`make bench` turns it on for its own server; a 404 otherwise).
BENCHMARK_FLOOR = envbool("BENCHMARK_FLOOR", False)
# How often the answers form saves a draft while someone types.
AUTOSAVE_INTERVAL_SECONDS = envint("AUTOSAVE_INTERVAL_SECONDS", 30)
# Seconds to wait before each new attempt at a mail the server refused.
MAIL_RETRY_BACKOFF = [60, 300, 900, 3600, 4 * 3600, 12 * 3600]

# Security. Headers that hold in every mode:
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A sign-in lasts at most 12 hours, and ends after an hour without activity (with a
# warning two minutes before, and a button to stay signed in).
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 12)
SESSION_IDLE_SECONDS = envint("SESSION_IDLE_MINUTES", 60) * 60
SESSION_WARNING_SECONDS = 120
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "samordning.views.csrf_failure"
LANGUAGE_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# ...and those that need HTTPS, on whenever DEBUG is off.
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe the health check over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
    if envbool("BEHIND_PROXY", False):
        # The proxy terminates TLS and says so in this header; trust it only when told.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The header a trusted proxy puts the client's address in (e.g. HTTP_X_FORWARDED_FOR);
# empty: the connection's own address. Used by the audit log and the sign-in lockout.
AUDIT_CLIENT_IP_HEADER = env("CLIENT_IP_HEADER")
# How many proxies we trust stand in front of the application. Each appends the address
# the request came from to X-Forwarded-For, so the client's address is this many entries
# from the right; entries further left are written by the client and never used
# (members.audit.client_ip). One proxy (nginx with $proxy_add_x_forwarded_for): 1.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured(
        f"TRUSTED_PROXY_COUNT must be 1 or more (the proxies in front), not {TRUSTED_PROXY_COUNT}"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO.
    "loggers": {
        "weasyprint.progress": {"level": "WARNING"},
        # The task queue logs every task's start and end at INFO.
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
