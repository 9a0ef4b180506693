import pytest
from django.core.cache import caches

from tests.wechat.callback_requests import configure
from wechat.fake_api import DEFAULT_APP_ID, DEFAULT_APP_SECRET, FakeWeChat

# The client gives up reading after this many seconds; the fake holds "timeout" answers longer.
# Long enough that a busy machine never trips it on an ordinary answer.
CLIENT_TIMEOUT = 2.0


@pytest.fixture
def fake_wechat(settings):
    """A running fake WeChat API, with the settings pointing the client at it."""
    fake = FakeWeChat(DEFAULT_APP_ID, DEFAULT_APP_SECRET, timeout_delay=CLIENT_TIMEOUT * 2)
    fake.start()
    settings.WECHAT_APP_ID = DEFAULT_APP_ID
    settings.WECHAT_APP_SECRET = DEFAULT_APP_SECRET
    settings.WECHAT_TOKEN = "fake-callback-token"
    settings.WECHAT_API_ROOT = fake.url
    settings.WECHAT_ALLOW_API_ROOT = True
    settings.WECHAT_HTTP_TIMEOUT = CLIENT_TIMEOUT
    for cache in caches.all():
        cache.clear()
    yield fake
    fake.stop()


@pytest.fixture
def configured(settings):
    """The Official Account's ID and secret are set; no API server answers."""
    settings.WECHAT_APP_ID = "wx0123456789abcdef"
    settings.WECHAT_APP_SECRET = "test-app-secret"


@pytest.fixture
def plain_callback(settings):
    """The callback's token is set and messages arrive unencrypted."""
    configure(settings)
