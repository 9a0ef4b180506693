"""roster_urls"""

urlpatterns: list = []
