"""What every page shows besides its own content: site settings (footer, phone numbers),
publicity categories and the menu. Changing any of them renews every stored page."""

import pytest
from wagtail.models import Site

from education.models import ArticleCategory, PlatformSettings
from education.page_cache import HEADER

pytestmark = pytest.mark.django_db


def cached(client, url):
    client.get(url)
    assert client.get(url)[HEADER] == "hit"


def test_new_settings_show_on_every_page(client, tree, article):
    cached(client, article.url)
    platform = PlatformSettings.for_site(Site.objects.get())
    platform.report_phone = "0571-12345678"
    platform.save()
    response = client.get(article.url)
    assert response[HEADER] == "miss"
    assert "0571-12345678" in response.content.decode()


def test_a_renamed_category_shows_in_the_listing(client, tree):
    cached(client, tree.news.url)
    school = ArticleCategory.objects.get(slug="school")
    school.name = "校园阵地"
    school.save()
    assert "校园阵地" in client.get(tree.news.url).content.decode()


def test_a_section_taken_out_of_the_menu_leaves_it(client, tree, article):
    cached(client, article.url)
    tree.events.show_in_menus = False
    tree.events.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert f'href="{tree.events.url}"' not in html
