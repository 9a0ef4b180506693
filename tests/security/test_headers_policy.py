"""The security headers on a public page, an admin page and a page preview: HSTS (the values
production sets), the Content-Security-Policy of each, Referrer-Policy, nosniff and frame
protection (DENY, except a preview, which the editor frames from the same origin)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import add_article, build_site, make_superuser

pytestmark = pytest.mark.django_db

PRODUCTION_HSTS = override_settings(
    SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True
)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: rest for name, *rest in (part.split() for part in policy.split(";"))}


@pytest.fixture
def article():
    tree = build_site()
    return add_article(tree.news, "青少年要警惕新型毒品伪装", "冰毒是一种合成毒品。")


@pytest.fixture
def editor_client(client):
    client.force_login(make_superuser())
    return client


@PRODUCTION_HSTS
def test_public_page(client, article):
    response = client.get(article.url, secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "https://mp.weixin.qq.com"]
    assert policy["connect-src"] == ["'self'"]
    assert "https://player.vimeo.com" in policy["frame-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'", "https://open.weixin.qq.com"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@PRODUCTION_HSTS
def test_admin_page(editor_client, article):
    response = editor_client.get(reverse("wagtailadmin_home"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "https://mp.weixin.qq.com", "data:", "blob:"]
    assert policy["frame-src"][0] == "'self'"  # the preview panel
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_preview_may_be_framed_by_the_site_only(editor_client, article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    form = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    data = {
        key: value
        for key, value in form.context["form"].initial.items()
        if isinstance(value, str | int)
    }
    data.update(
        {
            "title": "预览中的标题",
            "slug": article.slug,
            "date": article.date.isoformat(),
            "body-count": "0",
            "tagged_items-TOTAL_FORMS": "0",
            "tagged_items-INITIAL_FORMS": "0",
        }
    )
    assert editor_client.post(url, data).json()["is_valid"] is True

    response = editor_client.get(url, {"in_preview_panel": "true"})

    assert "预览中的标题" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # the public page's own policy otherwise
