"""An export's audit entry keeps the filter but not the words typed into the search box
(names, phone numbers): only that a search was used."""

import pytest
from django.urls import reverse

from tests.data_safety.export_logs import export_entries
from tests.factories import make_superuser
from wechat.models import Follower


@pytest.mark.django_db
def test_searched_text_is_not_in_the_audit_entry(client):
    Follower.objects.create(openid="o-13800001111", subscribed=True)
    client.force_login(make_superuser("auditor@example.cn"))

    response = client.get(
        reverse("wechat_followers:index"),
        {"export": "csv", "subscribed": "true", "q": "13800001111"},
    )

    assert response.status_code == 200
    (entry,) = export_entries("wechat.export")
    assert entry.data["query"] == "export=csv&subscribed=true"
    assert entry.data["search_used"] is True
    assert "13800001111" not in str(entry.data)
