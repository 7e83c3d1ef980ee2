"""Django settings for thidua.

Every setting that an operator may change is read from the environment; each one is
listed in docs/operations.md (a test keeps the two in step).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from thidua.core.file_storage import default_storage_setting, storage_kind

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def _env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("THIDUA_DATA_DIR", PROJECT_DIR / "var"))
DEBUG = _env_bool("THIDUA_DEBUG", False)
SECRET_KEY = os.environ.get(
    "THIDUA_SECRET_KEY", "django-insecure-demo-key-change-me-in-production-0123456789"
)
ALLOWED_HOSTS = os.environ.get("THIDUA_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("THIDUA_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "template_partials",
    # Before django_tasks_db: its db_worker command (with task leases) replaces theirs.
    "thidua.core",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "tree_queries",
    "thidua.accounts",
    "thidua.organisations",
    "thidua.campaigns",
    "thidua.targets",
    "thidua.works",
    "thidua.reports",
    "thidua.awards",
    "thidua.councils",
    "thidua.decisions",
    "thidua.scoring",
    "thidua.reviews",
    "thidua.exemplars",
    "thidua.higher_awards",
    "thidua.award_statistics",
    "thidua.ratings",
    "thidua.registrations",
    "thidua.public",
    "thidua.plan_import",
    "thidua.documents",
    "thidua.api",
    "thidua.desk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "thidua.core.middleware.IntegerRangeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "thidua.core.refusals.RefusalMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

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
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
            ],
        },
    }
]

# --- Database: SQLite under DATA_DIR by default, PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'thidua.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# PgBouncer in transaction mode cannot keep a server-side cursor across transactions.
if os.environ.get("THIDUA_PGBOUNCER", "").lower() in ("1", "true", "yes"):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache in the database: shared by every web server process and worker, so the API's
# throttles (the token endpoint's 10 a minute) count across all of them. The table is
# created by the migration core 0003 (``createcachetable``).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "thidua_cache",
    }
}

# --- Accounts and sign-in
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AXES_FAILURE_LIMIT = int(os.environ.get("THIDUA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes before a locked-out sign-in may try again
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Works: days before the registration deadline on which units below the minimum are reminded.
THIDUA_REGISTRATION_REMINDER_DAYS = tuple(
    int(day) for day in os.environ.get("THIDUA_REGISTRATION_REMINDER_DAYS", "7,3,1").split(",")
)
# Reports: days before the due date to remind, and days after it to escalate.
THIDUA_REPORT_REMINDER_DAYS = tuple(
    int(day) for day in os.environ.get("THIDUA_REPORT_REMINDER_DAYS", "3").split(",")
)
THIDUA_REPORT_ESCALATION_DAYS = tuple(
    int(day) for day in os.environ.get("THIDUA_REPORT_ESCALATION_DAYS", "1,7").split(",")
)
# Annual statistics and the year's calendar: dates no law fixes (DD/MM), confirmed by the
# Ban TĐKT; reminder days while the statistical report is not sent.
THIDUA_STATISTICS_DUE = os.environ.get("THIDUA_STATISTICS_DUE", "15/12")
THIDUA_STATISTICS_REMINDER_DAYS = os.environ.get("THIDUA_STATISTICS_REMINDER_DAYS", "7,3,1")
THIDUA_STATISTICS_ESCALATION_DAYS = os.environ.get("THIDUA_STATISTICS_ESCALATION_DAYS", "1,7")
THIDUA_ANNUAL_DOSSIER_DUE = os.environ.get("THIDUA_ANNUAL_DOSSIER_DUE", "10/12")
# Certificates: the public address printed in their QR code (verification page).
THIDUA_PUBLIC_BASE_URL = os.environ.get("THIDUA_PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# --- Language, time, formats
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["thidua.formats"]

# --- Static files
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # the shared layout's CSS, JS and images
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# An upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE is streamed to a temporary file in a
# folder the app owns (not the system /tmp), so that a file left by a server killed
# mid-upload is found and removed: `python -m thidua uploads_clean` (a daily job; the
# worker runs it at start) removes the files older than UPLOAD_TEMP_MAX_AGE_HOURS.
FILE_UPLOAD_TEMP_DIR = Path(os.environ.get("THIDUA_UPLOAD_TEMP_DIR", DATA_DIR / "upload-tmp"))
UPLOAD_TEMP_MAX_AGE_HOURS = float(os.environ.get("THIDUA_UPLOAD_TEMP_MAX_AGE_HOURS", "6"))
# Uploaded and generated files: the local disk (MEDIA_ROOT) by default; with several
# hosts, an S3-compatible bucket every web server and worker shares (core.file_storage).
THIDUA_STORAGE = storage_kind(os.environ.get("THIDUA_STORAGE", "local"))
s3_environment = {  # lower case: read here, not a setting
    "bucket": os.environ.get("THIDUA_S3_BUCKET", ""),
    "endpoint_url": os.environ.get("THIDUA_S3_ENDPOINT_URL", ""),
    "region": os.environ.get("THIDUA_S3_REGION", ""),
    "access_key_id": os.environ.get("THIDUA_S3_ACCESS_KEY_ID", ""),
    "secret_access_key": os.environ.get("THIDUA_S3_SECRET_ACCESS_KEY", ""),
    "prefix": os.environ.get("THIDUA_S3_PREFIX", ""),
    "addressing_style": os.environ.get("THIDUA_S3_ADDRESSING_STYLE", ""),
}
STORAGES = {
    "default": default_storage_setting(THIDUA_STORAGE, s3_environment),
    "staticfiles": {
        "BACKEND": os.environ.get(
            "THIDUA_STATIC_STORAGE",
            "whitenoise.storage.CompressedStaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = True

# --- Security headers: strict CSP, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("THIDUA_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
if _env_bool("THIDUA_BEHIND_HTTPS_PROXY", False):
    # The reverse proxy terminates TLS and sets X-Forwarded-Proto / X-Forwarded-For.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- E-mail through Django's mail system
EMAIL_BACKEND = os.environ.get(
    "THIDUA_EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = os.environ.get("THIDUA_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("THIDUA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("THIDUA_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("THIDUA_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("THIDUA_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("THIDUA_DEFAULT_FROM_EMAIL", "thidua@localhost")

# --- Background tasks on the database (no broker)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running task's lease (thidua.core.task_leases): renewed every third of it while the
# task runs; a task whose lease expired lost its worker and is run again, at most
# TASK_MAX_ATTEMPTS times in all, then failed with a message.
TASK_LEASE_SECONDS = float(os.environ.get("THIDUA_TASK_LEASE_SECONDS", "60"))
TASK_MAX_ATTEMPTS = int(os.environ.get("THIDUA_TASK_MAX_ATTEMPTS", "3"))
# Exports (thidua.core.exports): up to EXPORT_DIRECT_ROWS rows a page answers with the
# file (about a second); more become a task with a progress bar, which saves its
# progress every EXPORT_PROGRESS_ROWS rows.
EXPORT_DIRECT_ROWS = 2000
EXPORT_PROGRESS_ROWS = 2000
# A finished export's file is kept this many days after it was written, then the daily
# `exports_expire` removes it from the storage and the job says it expired.
EXPORT_RETENTION_DAYS = int(os.environ.get("THIDUA_EXPORT_RETENTION_DAYS", "7"))
# Imports (thidua.core.imports): an uploaded list of more than IMPORT_DIRECT_ROWS rows is
# imported by a job on the worker (its page shows the progress and the outcome).
IMPORT_DIRECT_ROWS = 2000

# --- REST API
REST_FRAMEWORK = {
    # JSON only: the browsable API's pages carry inline styles the CSP refuses.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "thidua.api.kit.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "thidua.api.kit.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"token": "10/min"},
}
# Days an API token stays valid after it is issued (then the token endpoint issues a new one).
API_TOKEN_DAYS = int(os.environ.get("THIDUA_API_TOKEN_DAYS", "30"))
SPECTACULAR_SETTINGS = {
    "TITLE": "thidua API",
    "DESCRIPTION": "API of thidua: campaigns, units, clusters (thi đua – khen thưởng).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "thidua.api.kit.errors.document_error_answers",
    ],
    # Several models have a "kind" with its own choices: name each enum after its model.
    "ENUM_NAME_OVERRIDES": {
        "CampaignKindEnum": "thidua.campaigns.models.CampaignKind",
        "WorkKindEnum": "thidua.campaigns.models.WorkKind",
        "TargetKindEnum": "thidua.targets.models.TargetKind",
        "UnitKindEnum": "thidua.organisations.models.UnitKind",
        "GroupKindEnum": "thidua.organisations.models.GroupKind",
        "SuccessionKindEnum": "thidua.organisations.models.SuccessionKind",
        "CampaignStatusEnum": "thidua.campaigns.models.CampaignStatus",
        "SubjectKindEnum": "thidua.awards.models.SubjectKind",
        "NominationStateEnum": "thidua.awards.models.NominationState",
        "SessionStateEnum": "thidua.councils.models.SessionState",
        "CouncilMemberRoleEnum": "thidua.councils.models.MemberRole",
        "DecisionStateEnum": "thidua.decisions.models.DecisionState",
        "SheetStateEnum": "thidua.scoring.models.SheetState",
        "CriteriaSetStateEnum": "thidua.scoring.models.SetState",
        "ExemplarStateEnum": "thidua.exemplars.models.ExemplarState",
        "ExemplarSubjectKindEnum": "thidua.exemplars.models.SubjectKind",
        "RegistrationStateEnum": "thidua.registrations.models.RegistrationState",
        "PhaseReviewStateEnum": "thidua.reviews.models.ReviewState",
        "PhaseReviewKindEnum": "thidua.reviews.models.ReviewKind",
        "DraftStatusEnum": "thidua.plan_import.models.DraftStatus",
        "ProposalStateEnum": "thidua.higher_awards.models.ProposalState",
        "ObjectionChannelEnum": "thidua.higher_awards.models.ObjectionChannel",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("THIDUA_LOG_LEVEL", "WARNING")},
}
