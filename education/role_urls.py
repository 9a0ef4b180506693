"""role_urls"""

urlpatterns: list = []
