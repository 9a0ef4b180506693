"""WeChat binding QR codes: five in ten minutes for an account, the first at once; the sixth
is refused with status 429 and a Chinese message, and WeChat is not asked."""

import pytest

from tests.factories import make_user
from tests.wechat import conftest as wechat_fixtures
from wechat.models import BindingCode

pytestmark = pytest.mark.django_db

fake_wechat = wechat_fixtures.fake_wechat
URL = "/wechat/account/"


def test_the_sixth_code_in_ten_minutes_is_refused(client, fake_wechat):
    teacher = make_user()
    client.force_login(teacher)
    first = client.post(URL, {"action": "code"})
    assert first.status_code == 302
    assert BindingCode.objects.filter(user=teacher).count() == 1
    for _ in range(4):
        client.post(URL, {"action": "code"})

    response = client.post(URL, {"action": "code"})

    assert response.status_code == 429
    assert "二维码生成过于频繁，请 10 分钟后再试。" in response.content.decode()
    assert BindingCode.objects.filter(user=teacher).count() == 5
    assert len(fake_wechat.calls_to("/cgi-bin/qrcode/create")) == 5
