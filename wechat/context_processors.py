from django.http import HttpRequest

from wechat import conf


def wechat_share(request: HttpRequest) -> dict[str, bool]:
    """True when the account is configured: pages then name the signing endpoint and the
    JS-SDK, which site.js loads only inside WeChat's browser. Not decided by the User-Agent,
    so that one rendering of a page suits every visitor (and a shared cache)."""
    return {"wechat_share": conf.is_configured()}
