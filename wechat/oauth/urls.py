from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from wechat.oauth.provider import WeChatMpProvider

urlpatterns = default_urlpatterns(WeChatMpProvider)
