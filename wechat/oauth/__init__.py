"""Login with WeChat inside WeChat's own browser (the Official Account's web authorisation),
as a django-allauth provider."""
