from django.urls import path

from wechat import account_views, callback, jssdk

app_name = "wechat"

urlpatterns = [
    path("callback/", callback.callback, name="callback"),
    path("jssdk/", jssdk.signature, name="jssdk_signature"),
    path("account/", account_views.account, name="account"),
]
