"""An export's audit entry keeps the filter but not the words typed into the search box
(names, phone numbers): only that a search was used."""

import pytest
from django.urls import reverse

from tests.data_safety.export_logs import logged_export
from tests.factories import make_superuser
from wechat.models import Follower


@pytest.mark.django_db
def test_searched_text_is_not_in_the_audit_entry(client):
    Follower.objects.create(openid="o-13800001111", subscribed=True)
    admin = make_superuser("auditor@example.cn")
    client.force_login(admin)

    response = client.get(
        reverse("wechat_followers:index"),
        {"export": "csv", "subscribed": "true", "q": "13800001111"},
    )

    assert response.status_code == 200
    data = logged_export("wechat.export", admin)
    assert data["query"] == "export=csv&subscribed=true"
    assert data["search_used"] is True
    assert "13800001111" not in str(data)
