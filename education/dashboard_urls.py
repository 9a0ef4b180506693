"""dashboard_urls"""

urlpatterns: list = []
