"""Settings for Matchmaker, read from environment variables.

Every variable, its default and its meaning is listed in the README. With no
variable set the app runs for development on a local SQLite file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from xstatic.pkg import bootstrap as xstatic_bootstrap

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_rate(name: str, default: str) -> str:
    """A rate limit such as "10/h" or "20/10m": a count, a slash, an optional multiple and s, m, h or d."""
    value = os.environ.get(name, "") or default
    if not re.fullmatch(r"[1-9]\d*/([1-9]\d*)?[smhd]", value):
        raise ImproperlyConfigured(f"{name} must be a rate like 10/h or 20/10m, not {value!r}")
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. For local development set DEBUG=true (the Makefile does this)."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

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
    "axes",
    "django_ratelimit",
    "import_export",
    "matchmaker",
    "matchmaker.alliance",
    "profiles",
    "questionnaire",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above PrivatePagesMiddleware so that it sees the headers that one sets; it compresses public
    # pages only (see matchmaker.middleware.carries_a_secret).
    "matchmaker.middleware.PublicPagesGZipMiddleware",
    "matchmaker.middleware.PrivatePagesMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before anything reads a form body.
    "matchmaker.middleware.FormEncodingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees the outcome of authentication attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "matchmaker.urls"
WSGI_APPLICATION = "matchmaker.wsgi.application"

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
    {
        # The results cards only (matchmaker/jinja2.py says why); every other page is a Django template.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "matchmaker.jinja2.environment"},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The listing table's covering index includes extra columns on PostgreSQL; SQLite simply skips them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "matchmaker.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "profiles:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Failed logins are limited per account and per address together.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

# Behind a reverse proxy every request arrives from the proxy's own address. Only when told how many
# proxies stand in front is X-Forwarded-For trusted, and then only the entry the outermost of them wrote.
# The same address keys the lockout above and every rate limit (matchmaker.rate_limits.client_address).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "matchmaker.rate_limits.forwarded_address"

# Rate limits, as "count/period" (s, m, h, d; "20/10m" is 20 per 10 minutes). They are counted in the
# cache, which must be shared by every worker in production: set REDIS_URL there.
RATE_LIMIT_PRIVATE_LINKS = env_rate("RATE_LIMIT_PRIVATE_LINKS", "10/h")  # per client address
RATE_LIMIT_CONSULTATION_REQUESTS = env_rate("RATE_LIMIT_CONSULTATION_REQUESTS", "3/d")  # per private link
RATE_LIMIT_CLIENT_MESSAGES = env_rate("RATE_LIMIT_CLIENT_MESSAGES", "30/d")  # per private link
RATE_LIMIT_LOGINS = env_rate("RATE_LIMIT_LOGINS", "20/10m")  # per client address, any username
RATE_LIMIT_PASSWORD_RESETS = env_rate("RATE_LIMIT_PASSWORD_RESETS", "10/h")  # per client address
RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT = env_rate("RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT", "3/h")
RATE_LIMIT_SIGN_UPS = env_rate("RATE_LIMIT_SIGN_UPS", "10/h")  # per client address
RATE_LIMIT_EMAIL_CHANGES = env_rate("RATE_LIMIT_EMAIL_CHANGES", "3/h")  # per account: confirmation emails sent
if not REDIS_URL and DEBUG:
    # The in-process cache counts per worker: good enough for development and tests, not for production.
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003"]
# Django's own cache backends are not on django-ratelimit's list; Redis's increments atomically.
SILENCED_SYSTEM_CHECKS += ["django_ratelimit.W001"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", xstatic_bootstrap.BASE_DIR),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # vendor/bootstrap/css/bootstrap.trimmed.css: Bootstrap cut down to what our pages use, built from
    # the installed package whenever static files are gathered (see matchmaker.bootstrap_css).
    "matchmaker.bootstrap_css.TrimmedBootstrapFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "matchmaker.static_storage.KeptURLStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Console by default: emails are printed, never sent, until SMTP is configured.
EMAIL_BACKEND_PATH = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH, "OPTIONS": {}}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 587),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Matchmaker <hello@matchmaker.localhost>")

# Private links must never leak to other sites through the Referer header.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script reads it: every form posts the token from the page
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Everything comes from our own host; no inline script or style anywhere. Bootstrap draws its
# form controls with data: images.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if os.environ.get("SECURE_PROXY_SSL_HEADER", "") == "X-Forwarded-Proto":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_private_links": {"()": "matchmaker.logging.RedactPrivateLinks"},
    },
    "formatters": {
        "redacted": {"()": "matchmaker.logging.RedactingFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_private_links"],
            "formatter": "redacted",
        },
    },
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
