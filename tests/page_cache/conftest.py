import pytest

from tests.factories import add_article, build_site


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def tree(db):
    return build_site()


@pytest.fixture
def article(tree):
    return add_article(
        tree.news,
        "江州市开展青少年禁毒宣传周活动",
        "各中小学开展禁毒主题班会，学生毒品知晓率持续提升。",
        summary="青少年禁毒宣传周全面启动。",
    )
