"""Django settings for kotacerdas.

Everything that differs between a laptop demo and a national deployment comes from the environment:

- ``KOTACERDAS_DATA_DIR`` (default ``./var``): SQLite database, generated secret key, uploads, collected static.
- ``DATABASE_URL``: selects another database, e.g. ``postgresql://user:pass@host:5432/name``.
- ``KOTACERDAS_SECRET_KEY``: the secret key; when absent one is generated once and kept in the data directory.
- ``KOTACERDAS_DEBUG``: ``1``/``true`` turns debug on (off by default).
- ``KOTACERDAS_ALLOWED_HOSTS``: comma-separated host names (default: localhost names only).
- ``KOTACERDAS_CSRF_TRUSTED_ORIGINS``: comma-separated origins (``https://kotacerdas.example.go.id``); with
  ``KOTACERDAS_HTTPS`` on and none given, ``https://<host>`` of every allowed host.
- ``KOTACERDAS_HTTPS``: ``1`` behind a TLS proxy: secure cookies, HSTS, redirect to https, ``X-Forwarded-Proto``.
- ``KOTACERDAS_HSTS_SECONDS`` (default one year), ``KOTACERDAS_HSTS_PRELOAD`` (off).
- ``KOTACERDAS_SESSION_HOURS`` (default 12): how long a login lasts.
- ``KOTACERDAS_LOGIN_FAILURES`` (default 5) wrong passwords for one account, ``KOTACERDAS_LOGIN_FAILURES_PER_ADDRESS``
  (default 30) from one address, lock the login for ``KOTACERDAS_LOGIN_LOCK_MINUTES`` (default 15).
- ``KOTACERDAS_PROXY_COUNT`` (default 0): reverse proxies in front of the server that append to
  ``X-Forwarded-For``; the client address for login throttling is read from there.
- ``KOTACERDAS_INVITATION_DAYS`` (default 7): how long an invitation to a region stays valid.

See docs/deploy.md.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("KOTACERDAS_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)  # the owner's alone (accounts/datafiles.py)


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    given = os.environ.get("KOTACERDAS_SECRET_KEY")
    if given:
        return given
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.touch(mode=0o600)
        path.chmod(0o600)  # touch's mode is filtered by the umask; the key is the owner's alone in any case
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = _secret_key()
DEBUG = _truthy(os.environ.get("KOTACERDAS_DEBUG"))
HTTPS = _truthy(os.environ.get("KOTACERDAS_HTTPS"))
ALLOWED_HOSTS = _list("KOTACERDAS_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = _list("KOTACERDAS_CSRF_TRUSTED_ORIGINS") or (
    [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS if h != "*" and not h.startswith(".")] if HTTPS else []
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "kotacerdas.framework",
    "kotacerdas.regions",
    "kotacerdas.assessment",
    "kotacerdas.actionplan",
    "kotacerdas.masterplan",
    "kotacerdas.web",
    "kotacerdas.accounts",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kotacerdas.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "kotacerdas.middleware.PasswordChangeRequiredMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: turns a lockout into the login page with its message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kotacerdas.urls"
WSGI_APPLICATION = "kotacerdas.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'kotacerdas.sqlite3'}",
        conn_max_age=int(os.environ.get("KOTACERDAS_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Twenty operators writing at once during a bimtek (issue 11 item 1). WAL lets readers run beside the one
    # writer. Every transaction starts IMMEDIATE, i.e. takes the write lock at BEGIN, where SQLite honours the
    # busy timeout: a DEFERRED transaction that reads first and then writes cannot wait for the lock (SQLite
    # answers SQLITE_BUSY at once to avoid a deadlock), which is how 19 % of writes failed with "database is
    # locked" although the timeout was 20 s. Single statements in autocommit mode wait for the timeout as well.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # Owner-only: the database holds password hashes. SQLite gives its -wal and -shm files the same mode.
    _sqlite = str(DATABASES["default"]["NAME"])
    if _sqlite and _sqlite != ":memory:" and not _sqlite.startswith("file:"):
        try:
            Path(_sqlite).touch(mode=0o600, exist_ok=True)
            os.chmod(_sqlite, 0o600)
        except OSError:  # not ours to change (a read-only or foreign file): SQLite reports what matters
            pass
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "kotacerdas.accounts.validators.RegionSimilarityValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, as django-axes requires: refuses a locked-out login before the password is checked.
    "kotacerdas.accounts.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "region-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing directory before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the package when collectstatic has not run (tests, first start).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = _int("KOTACERDAS_SESSION_HOURS", 12) * 3600
# A workshop laptop is shared: the login ends with the browser, and in any case after SESSION_COOKIE_AGE.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if HTTPS:
    # Behind a TLS-terminating proxy (nginx, Caddy) that sets X-Forwarded-Proto; see docs/deploy.md.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = _int("KOTACERDAS_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = _truthy(os.environ.get("KOTACERDAS_HSTS_PRELOAD"))
    if not SECURE_HSTS_PRELOAD:
        # Preloading commits the whole domain (often a regency's go.id domain) to HTTPS in browsers for good;
        # it is a decision for the domain's owner, off unless asked (docs/deploy.md), not a forgotten setting.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (django-csp): nothing is loaded from elsewhere and no inline script runs. Inline styles
# stay allowed because the charts are inline SVG written by matplotlib, which styles every shape with a style
# attribute and a <style> element.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login throttling (django-axes): too many wrong passwords for one account, or from one address, lock the login
# for a while. An admin unlocks early with `kotacerdas manage axes_reset_username NAME` (docs/deploy.md).
AXES_FAILURE_LIMIT = _int("KOTACERDAS_LOGIN_FAILURES", 5)
LOGIN_FAILURES_PER_ADDRESS = _int("KOTACERDAS_LOGIN_FAILURES_PER_ADDRESS", 30)
AXES_COOLOFF_TIME = timedelta(minutes=_int("KOTACERDAS_LOGIN_LOCK_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "kotacerdas.accounts.throttle.LoginThrottleHandler"
AXES_LOCKOUT_CALLABLE = "kotacerdas.accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "kotacerdas.accounts.throttle.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
PROXY_COUNT = _int("KOTACERDAS_PROXY_COUNT", 0)

INVITATION_DAYS = _int("KOTACERDAS_INVITATION_DAYS", 7)
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("KOTACERDAS_LOG_LEVEL", "WARNING")},
}
