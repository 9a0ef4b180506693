"""Reading the rate dashboards as their users see them."""

import re

# The four rates of a group, in the order the dashboards show them.
RATES = ("knowledge_rate", "participation_rate", "pass_rate", "average_score")


def page_as(client, user, url: str) -> str:
    """The HTML of ``url`` (which must answer 200) as ``user`` sees it."""
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cell(row_html: str, name: str) -> str:
    """The text of the figure cell ``name`` of a table row."""
    value = row_html.split(f'data-cell="{name}">', 1)[1].split("</td>", 1)[0]
    return re.sub(r"<[^>]+>", "", value).strip()
