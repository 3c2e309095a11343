"""Django settings: embedded SQLite by default, PostgreSQL via PLOTGUIDE_DATABASE_URL.

Everything a deployment changes comes from PLOTGUIDE_* environment variables,
listed in docs/settings.md.
"""

from __future__ import annotations

import os

import dj_database_url

from plotguide.paths import data_dir, secret_key

DATA_DIR = data_dir()
SECRET_KEY = secret_key(DATA_DIR)
DEBUG = os.environ.get("PLOTGUIDE_DEBUG", "").lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get(
        "PLOTGUIDE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver"
    ).split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Serves the API docs' Swagger assets itself, so /api/v1/docs works offline.
    "ninja",
    "plotguide.catalog",
    "plotguide.stories",
    "plotguide.audience",
    "plotguide.site",
    "plotguide.api",
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
]

ROOT_URLCONF = "plotguide.urls"
WSGI_APPLICATION = "plotguide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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
        os.environ.get("PLOTGUIDE_DATABASE_URL")
        or f"sqlite:///{DATA_DIR / 'plotguide.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept: opening one per request cost the story API 4x its
    # throughput (docs/benchmarks.md), and WAL lets readers and a writer share
    # the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Site: page cache, mail, rate limits (docs/site.md).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["PLOTGUIDE_CACHE_URL"],
    }
    if os.environ.get("PLOTGUIDE_CACHE_URL")
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }
}
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("PLOTGUIDE_EMAIL_HOST")
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_HOST = os.environ.get("PLOTGUIDE_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("PLOTGUIDE_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("PLOTGUIDE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PLOTGUIDE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("PLOTGUIDE_EMAIL_TLS", "1").lower() in {"1", "true"}
DEFAULT_FROM_EMAIL = os.environ.get(
    "PLOTGUIDE_EMAIL_FROM", "Plotguide <noreply@localhost>"
)
PLOTGUIDE_RATE_LIMITS = {
    "summary_request": (5, 600),
    "waitlist": (5, 600),
    "waitlist_mail": (2, 3600),
    "quiz": (30, 600),
    "search": (120, 60),
}
PLOTGUIDE_PAGE_MAX_AGE = int(os.environ.get("PLOTGUIDE_PAGE_MAX_AGE", "60"))
PLOTGUIDE_SITE_URL = os.environ.get("PLOTGUIDE_SITE_URL", "http://localhost:8000")

# API: origins allowed to call /api/ from a browser ('*' for any), comma-separated.
PLOTGUIDE_CORS_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("PLOTGUIDE_CORS_ORIGINS", "").split(",")
    if origin.strip()
]
MIDDLEWARE.insert(1, "plotguide.api.middleware.ApiEdgeMiddleware")

# A site served over HTTPS (directly or behind a proxy that sets
# X-Forwarded-Proto): HSTS, secure cookies and a redirect from plain HTTP.
PLOTGUIDE_HTTPS = os.environ.get("PLOTGUIDE_HTTPS", "").lower() in {"1", "true", "yes"}
if PLOTGUIDE_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# The story engine and its options (docs/settings.md, "Story engine"); they
# reach the engine only through plotguide.stories.engines.make_engine().
PLOTGUIDE_ENGINE: dict[str, object] = {
    "name": os.environ.get("PLOTGUIDE_ENGINE", "offline")
}
if os.environ.get("PLOTGUIDE_PIPELINE"):
    PLOTGUIDE_ENGINE["pipeline"] = [
        name.strip()
        for name in os.environ["PLOTGUIDE_PIPELINE"].split(",")
        if name.strip()
    ]
if os.environ.get("PLOTGUIDE_SPACY_MODEL"):
    PLOTGUIDE_ENGINE["spacy_model"] = os.environ["PLOTGUIDE_SPACY_MODEL"]
if os.environ.get("PLOTGUIDE_SENTENCE_ENCODER") == "0":
    PLOTGUIDE_ENGINE["sentence_encoder"] = False
# The "llm" engine's server; Django's error pages mask the key (its name has KEY).
for _key, _variable in (
    ("llm_url", "PLOTGUIDE_LLM_URL"),
    ("llm_model", "PLOTGUIDE_LLM_MODEL"),
    ("llm_api_key", "PLOTGUIDE_LLM_API_KEY"),
):
    if os.environ.get(_variable):
        PLOTGUIDE_ENGINE[_key] = os.environ[_variable]
