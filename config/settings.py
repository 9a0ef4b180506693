"""Settings for the platform, read from environment variables.

Defaults run the embedded demo (SQLite, local media, local-memory cache). Production is
switched on by ``DJANGO_DEBUG=false`` plus the variables the README lists.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import PIL.Image
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str
from config.logging import log_format, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false")
    SECRET_KEY = "insecure-demo-key-only-for-local-development"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "education",
    "wechat",
    "booking",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "config.db_outage.DatabaseOutageMiddleware",  # database down: a 503 page, not a 500
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, before anything else runs
    "config.csp.PathPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.locale.ChosenLanguageMiddleware",
    "education.page_cache.PageCacheMiddleware",  # needs the language; sees inner cookies
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "booking.two_factor_middleware.TwoFactorEnrolmentMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "education.context_processors.navigation",
                "education.context_processors.school_roles",
                "wechat.context_processors.wechat_share",
            ],
        },
    },
]

# Database: SQLite file in the project folder unless DATABASE_URL says otherwise (an empty
# DATABASE_URL, as compose files and CI jobs often leave it, counts as not set).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock at the start
    # of a transaction, so two writers queue instead of failing half-way with "locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer fails the request in seconds (the 503 page)
    # instead of holding the worker until gunicorn's timeout; the URL's own value wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5)
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (socket timeouts in config/cache.py), else this
# process's memory. While Redis is unreachable or refuses writes config/cache.py answers
# from process memory, so pages and rate limits (then counted per process) keep working.
# Sessions stay in the database (Django's default engine, one primary-key query a request):
# a logout is then never undone by a copy of the session a cache still holds.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "jindu"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Page cache for anonymous readers of public pages (education/page_cache.py, README
# "页面缓存"): an alias and key prefix of its own, never mixed with rate limits or the WeChat
# token. Off by default when debugging, so that template edits show at once.
PAGE_CACHE = env_bool("PAGE_CACHE", default=not DEBUG)
if REDIS_URL:
    CACHES["pages"] = {
        **CACHES["default"],
        "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-pages",
    }
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
# A count the cache cannot give lets the request through rather than refusing everyone.
RATELIMIT_FAIL_OPEN = True

# Background tasks: a database-backed queue worked by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Language and time
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static files and uploads
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
# collectstatic's target, served by WhiteNoise; none when debugging, where files are served
# from their sources (collectstatic then refuses to run instead of making unhashed copies).
STATIC_ROOT = None if DEBUG else Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "江州市禁毒宣传教育平台")
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "education.search_backend",
        # PostgreSQL: no stemming or stop words, so the CJK bigrams we index stay whole.
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Bilibili and Tencent Video players built from the address (education/video_embeds.py),
# then the oEmbed providers Wagtail knows.
WAGTAILEMBEDS_FINDERS = [
    {"class": "education.video_embeds.ChinaVideoFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# Uploads and retention of personal data (education/upload_checks.py, education/retention.py,
# booking/retention.py): sizes, real file types and decompression bombs are checked before
# anything is saved; a full or read-only media folder answers with a page, never half a file.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("UPLOAD_MAX_IMAGE_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Pillow refuses twice this many pixels in any image it opens (renditions included).
PIL.Image.MAX_IMAGE_PIXELS = WAGTAILIMAGES_MAX_IMAGE_PIXELS
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("UPLOAD_MAX_DOCUMENT_MB", 20) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "education.upload_checks.CheckedDocumentForm"
STORAGES = {
    "default": {"BACKEND": "config.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MIDDLEWARE.insert(0, "config.storage.StorageErrorMiddleware")
# Static files in production: WhiteNoise serves hashed, compressed copies made by
# collectstatic, cached by browsers for a year; when debugging, straight from the sources.
if not DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
ATTEMPT_RETENTION_DAYS = env_int("ATTEMPT_RETENTION_DAYS", 1095)  # 0 keeps attempts forever
BOOKING_RETENTION_DAYS = env_int("BOOKING_RETENTION_DAYS", 730)  # 0 keeps contacts forever

# Quiz certificates need a font with Chinese characters; empty: Noto Sans CJK, WenQuanYi or
# any Chinese font fontconfig knows (the system check education.W001 warns when none is found).
CERTIFICATE_FONT = env_str("CERTIFICATE_FONT")

# Accounts (django-allauth): email address is the login, verified before first use.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# A security notice to the account's address when its password, email addresses or two-factor
# login change (accounts without an address, as WeChat login makes them, get none).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"【{WAGTAIL_SITE_NAME}】"

# Two-factor login (allauth.mfa; booking/two_factor.py says who must use it, README "两步验证"):
# an authenticator app's codes, with one-time recovery codes for a lost phone. MFA_REQUIRED
# sends those accounts to set it up first: on in production, off in the demo and in tests.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
MFA_TOTP_TOLERANCE = 1  # a phone's clock may be a 30-second step ahead or behind
MFA_ADAPTER = "booking.two_factor.MFAAdapter"
MFA_REQUIRED = env_bool("MFA_REQUIRED", default=not DEBUG)
# The admin's own login and password reset would skip the second factor: config/urls.py
# sends /admin/login/ to allauth's login, and the admin's reset form is off.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Account rate limits (allauth's defaults, stated here: README "安全"). login_failed locks an
# account for 5 minutes after 5 wrong passwords, whatever address they came from; a password
# reset lifts it.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "confirm_email": "1/3m/key",
}

# WeChat Official Account (a service account). Without the ID and secret the site runs and
# its WeChat features say they are not configured; messages go out by email instead.
WECHAT_APP_ID = env_str("WECHAT_APP_ID")
WECHAT_APP_SECRET = env_str("WECHAT_APP_SECRET")
WECHAT_TOKEN = env_str("WECHAT_TOKEN")
WECHAT_ENCODING_AES_KEY = env_str("WECHAT_ENCODING_AES_KEY")
# Only for a local fake WeChat server: refused with DJANGO_DEBUG=false unless allowed.
WECHAT_API_ROOT = env_str("WECHAT_API_ROOT")
WECHAT_ALLOW_API_ROOT = env_bool("WECHAT_ALLOW_API_ROOT", default=False)
WECHAT_HTTP_TIMEOUT = env_int("WECHAT_HTTP_TIMEOUT", 5)  # seconds to wait for WeChat's answer

# WeChat login inside WeChat's browser. The provider is always installed, so its URLs exist;
# its adapter reads the credentials above when needed, so without them there is no button
# and the login URLs say that WeChat login is not configured.
INSTALLED_APPS.append("wechat.oauth")
SOCIALACCOUNT_ADAPTER = "wechat.oauth.adapter.SocialAccountAdapter"
# WeChat gives no email address: a WeChat sign-up gets an account without one (the nickname
# as display name, a generated username), logged in at once; WeChat vouches for the person.
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"

# Email: printed to the console unless an SMTP host is given.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "禁毒宣传教育平台 <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 465)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Behind a reverse proxy (nginx, the default in production): HTTPS is read from
# X-Forwarded-Proto and the visitor's address, which rate limits key on, from X-Real-IP.
BEHIND_PROXY = env_bool("BEHIND_PROXY", default=not DEBUG)
RATELIMIT_IP_META_KEY = "config.client_ip.client_ip"
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP" if BEHIND_PROXY else None  # account limits

# Security: strict in production, relaxed only where local HTTP needs it.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): the public site's policy; config/csp.py adjusts it for
# /admin/ and previews. Every script and style is a file of our own, none inline; README "安全".
VIDEO_EMBED_HOSTS = env_list(
    "VIDEO_EMBED_HOSTS",
    [
        "https://player.bilibili.com",
        "https://v.qq.com",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://www.dailymotion.com",
        "https://embed.ted.com",
    ],
)
INSTALLED_APPS.append("csp")  # its system checks
# No calls from the admin to outside hosts: no Gravatar avatars, no Wagtail release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# WeChat's binding QR codes come from mp.weixin.qq.com (from the fake API in the demo).
_qr_host = urlsplit(WECHAT_API_ROOT or "https://mp.weixin.qq.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", f"{_qr_host.scheme}://{_qr_host.netloc}"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_EMBED_HOSTS,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # WeChat login posts to allauth, which redirects to WeChat's authorisation page.
        "form-action": ["'self'", "https://open.weixin.qq.com"],
        "frame-ancestors": ["'none'"],
    }
}

# Logging (config/logging.py): JSON lines on stderr in production, text when debugging.
LOGGING = logging_config(
    fmt=log_format(debug=DEBUG, requested=env_str("LOG_FORMAT")),
    level=env_str("LOG_LEVEL", "INFO").upper(),
)

# Health endpoints (config/health.py): load balancers probe them over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
