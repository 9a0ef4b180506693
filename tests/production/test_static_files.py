"""Production static files: collectstatic writes hashed names with gzip and Brotli copies,
pages link to the hashed names, and WhiteNoise serves them compressed with a far-future
Cache-Control (a new version gets a new name, so browsers may keep a file for good).

Only the site's own files are collected here, to keep the test quick; the CSS they contain
must survive the manifest's rewriting of url() references."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
FAR_FUTURE = "max-age=315360000, public, immutable"


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    call_command("collectstatic", "--noinput", verbosity=0)
    return tmp_path


def test_hashed_and_compressed_copies(collected):
    url = staticfiles_storage.url("css/site.css")
    hashed = url.removeprefix("/static/")
    assert hashed != "css/site.css" and hashed.startswith("css/site.")
    for suffix in ("", ".gz", ".br"):
        assert (collected / f"{hashed}{suffix}").is_file()


def test_served_compressed_for_a_year(collected):
    url = staticfiles_storage.url("css/site.css")
    client = Client()  # a new client loads WhiteNoise, which reads the new STATIC_ROOT
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == FAR_FUTURE
    gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"


def test_unhashed_names_are_cached_briefly(collected):
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"
