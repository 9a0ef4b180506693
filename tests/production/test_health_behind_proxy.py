"""In production the health endpoints answer load balancers over plain HTTP (no redirect to
HTTPS), but the host check stays: a probe must send the site's name as Host (README 生产部署)."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["jindu.example.gov.cn"])
def test_plain_http_probe_with_the_site_host(client):
    assert client.get("/healthz", HTTP_HOST="jindu.example.gov.cn").status_code == 200
    assert client.get("/readyz", HTTP_HOST="jindu.example.gov.cn").status_code == 200
    assert client.get("/", HTTP_HOST="jindu.example.gov.cn").status_code == 301


@override_settings(ALLOWED_HOSTS=["jindu.example.gov.cn"])
def test_a_probe_by_bare_address_is_refused(client):
    assert client.get("/healthz", HTTP_HOST="10.0.0.5").status_code == 400
