"""The account's custom menu, built from the keyword replies that have a menu name."""

from django.utils.translation import gettext as _

from wechat.models import KeywordReply
from wechat.models.replies import MENU_MAX_SUB, MENU_MAX_TOP
from wechat.replies import CLICK_PREFIX


class MenuError(Exception):
    pass


def build_menu() -> dict:
    """The JSON body of WeChat's menu/create: page or address buttons open the link, the
    others send a click answered like the keyword."""
    replies = (
        KeywordReply.objects.filter(active=True)
        .exclude(menu_label="")
        .select_related("page")
        .order_by("menu_order", "id")
    )
    buttons: list[dict] = []
    groups: dict[str, dict] = {}
    for reply in replies:
        button = _button(reply)
        if not reply.menu_group:
            buttons.append(button)
        elif reply.menu_group in groups:
            groups[reply.menu_group]["sub_button"].append(button)
        else:
            groups[reply.menu_group] = {"name": reply.menu_group, "sub_button": [button]}
            buttons.append(groups[reply.menu_group])
    _check(buttons)
    return {"button": buttons}


def _button(reply: KeywordReply) -> dict:
    link = reply.link
    if link:
        return {"type": "view", "name": reply.menu_label, "url": link}
    return {"type": "click", "name": reply.menu_label, "key": f"{CLICK_PREFIX}{reply.pk}"}


def _check(buttons: list[dict]) -> None:
    if not buttons:
        raise MenuError(_("没有设置菜单名称的关键词回复，自定义菜单为空。"))
    if len(buttons) > MENU_MAX_TOP:
        raise MenuError(
            _("自定义菜单最多 3 个一级菜单，现有 %(count)d 个。") % {"count": len(buttons)}
        )
    for button in buttons:
        if len(button.get("sub_button", [])) > MENU_MAX_SUB:
            raise MenuError(
                _("一级菜单「%(name)s」最多 5 个子菜单，现有 %(count)d 个。")
                % {"name": button["name"], "count": len(button["sub_button"])}
            )
