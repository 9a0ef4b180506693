"""The WeChat follower listing's export is logged, with the filter and the row count."""

import pytest
from django.urls import reverse

from tests.data_safety.export_logs import listing_export, logged_export, streamed_text
from tests.factories import make_superuser
from wechat.models import Follower


@pytest.mark.django_db
def test_follower_export_is_logged(client):
    Follower.objects.create(openid="o-one", subscribed=True)
    Follower.objects.create(openid="o-two", subscribed=False)
    admin = make_superuser("auditor@example.cn")
    client.force_login(admin)

    response = client.get(
        reverse("wechat_followers:index"), {"export": "csv", "subscribed": "true"}
    )

    assert response.status_code == 200
    assert "o-one" not in streamed_text(response)
    assert logged_export("wechat.export", admin) == listing_export(
        "wechat.follower", rows=1, query="export=csv&subscribed=true"
    )
