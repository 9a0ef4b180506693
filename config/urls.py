from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config import admin_login, error_pages, health
from education import views
from education.feeds import ArticleAtomFeed, ArticleFeed

# A middleware's database or disk error is answered here, at its own layer: the 503 or 507
# page, not a 500.
handler500 = error_pages.server_error

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/login/", admin_login.admin_login),
    path("admin/password_reset/", admin_login.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    # The switch is on every page, cached ones too, which carry no CSRF token: a forged
    # request could do no more than change a visitor's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("search/", views.search, name="search"),
    path("wechat/", include("wechat.urls")),
    path("visit/", include("booking.urls")),
    path("", include("education.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("feeds/articles/rss.xml", ArticleFeed(), name="article_feed_rss"),
    path("feeds/articles/atom.xml", ArticleAtomFeed(), name="article_feed_atom"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
