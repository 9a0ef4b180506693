"""Production collects hashed, compressed static files into STATIC_ROOT; debugging serves
them from their sources, with no STATIC_ROOT, so the demo and tests need no collectstatic.
WhiteNoise comes right after SecurityMiddleware either way; the outage page comes first."""

from tests.test_database_settings import run

SHOW = (
    "print(settings.STORAGES['staticfiles']['BACKEND'], settings.STATIC_ROOT, "
    "settings.MIDDLEWARE.index('whitenoise.middleware.WhiteNoiseMiddleware') "
    "- settings.MIDDLEWARE.index('django.middleware.security.SecurityMiddleware'), "
    "settings.MIDDLEWARE.index('config.db_outage.DatabaseOutageMiddleware') "
    "< settings.MIDDLEWARE.index('django.middleware.security.SecurityMiddleware'))"
)


def test_production():
    out = run(
        SHOW,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="k" * 60,
        ALLOWED_HOSTS="jindu.example.gov.cn",
        STATIC_ROOT="/srv/jindu/static",
    )
    assert out.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "/srv/jindu/static",
        "1",
        "True",
    ]


def test_debugging():
    assert run(SHOW).split() == [
        "django.contrib.staticfiles.storage.StaticFilesStorage",
        "None",
        "1",
        "True",
    ]
