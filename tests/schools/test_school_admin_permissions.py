"""The schools admin is the city office's: an editor without ``education.view_city_rates``
has no 「学校」 menu and is refused on every URL, GET and POST, even holding every model
permission of the school models; nothing changes. The city admin reaches every screen."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.menu import admin_menu

from education.models import Coordinator, DistrictOfficer
from tests.factories import make_superuser, make_user
from tests.schools.roles_helpers import pending_request

pytestmark = pytest.mark.django_db

NAMESPACES = (
    "education_districts",
    "education_schools",
    "education_coordinators",
    "education_officers",
)


def admin_urls() -> list[tuple[str, list[str]]]:
    """(URL name, argument names) of every URL of the schools admin."""
    found = []

    def walk(patterns, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace in NAMESPACES:
                found.append((f"{namespace}:{pattern.name}", list(pattern.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return found


def menu(user) -> dict[str, list[str]]:
    """The admin menu as the user gets it: label -> labels of its submenu items."""
    request = RequestFactory().get("/admin/")
    request.user = user
    items = {}
    for item in admin_menu.menu_items_for_request(request):
        submenu = getattr(item, "menu", None)
        children = submenu.menu_items_for_request(request) if submenu else []
        items[str(item.label)] = [str(child.label) for child in children]
    return items


def rows() -> dict[str, list]:
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("education").get_models()
        if model._meta.model_name in {"district", "school", "coordinator", "districtofficer"}
    }


def editor():
    """A Wagtail editor holding every model permission of the school models, but not the
    city permission."""
    user = make_user("editor.schools@example.cn", is_staff=True)
    group = Group.objects.create(name="编辑")
    codenames = [
        f"{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("district", "school", "coordinator", "districtofficer", "student")
    ]
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="education", codename__in=codenames),
    )
    user.groups.add(group)
    return user


def url_for(name: str, args: list[str], schools) -> str:
    pks = {
        "education_districts": schools.district.pk,
        "education_schools": schools.school_a.pk,
        "education_coordinators": Coordinator.objects.filter(status="pending").first().pk,
        "education_officers": DistrictOfficer.objects.first().pk,
    }
    return reverse(name, args=[pks[name.split(":")[0]]] * len(args))


@pytest.fixture
def objects(schools):
    pending_request(schools.school_b)
    return schools


def test_every_screen_is_checked_here(objects):
    names = {name for name, _args in admin_urls()}
    assert {name.split(":")[0] for name in names} == set(NAMESPACES)
    assert "education_coordinators:decide" in names
    assert "education_schools:export" not in names  # export is the index with ?export=


def test_no_menu_for_an_editor_without_the_city_permission(client, objects):
    user = editor()
    assert "学校" not in menu(user)
    client.force_login(user)
    assert "/admin/schools/" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_city_admin_sees_the_menu(client, objects):
    assert menu(objects.city_admin)["学校"] == ["学校", "区县", "学校联络员", "区禁毒办人员"]
    client.force_login(objects.city_admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for namespace in NAMESPACES:
        assert reverse(f"{namespace}:index") in html


def test_an_editor_without_the_city_permission_is_refused_everywhere(client, objects):
    client.force_login(editor())
    before = rows()
    for name, args in admin_urls():
        url = url_for(name, args, objects)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 403), (method.__name__, url)
            if response.status_code == 302:
                assert "/admin/schools/" not in response["Location"], (method.__name__, url)
            assert "东城" not in response.content.decode(), (method.__name__, url)
    assert rows() == before


def test_officers_and_coordinators_are_sent_to_the_admin_login(client, objects):
    for user in (objects.officer, objects.coordinator_a):
        client.force_login(user)
        response = client.get(reverse("education_schools:index"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("who", ["city_admin", "superuser"])
def test_the_city_reaches_every_screen(client, objects, who):
    user = make_superuser() if who == "superuser" else objects.city_admin
    client.force_login(user)
    for name, args in admin_urls():
        url = url_for(name, args, objects)
        assert client.get(url).status_code in (200, 302, 405), url
