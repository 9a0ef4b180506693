"""quiz_urls"""

urlpatterns: list = []
