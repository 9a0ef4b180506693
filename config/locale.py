from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Chinese for everyone unless the visitor picked another language with the switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which shows English
    to many phones in China; this site is Chinese first and English only on request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        # check_for_language alone accepts any language Django ships, French included.
        if language not in dict(settings.LANGUAGES) or not translation.check_for_language(language):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        # The language comes from a cookie, so a shared cache must key responses on it.
        patch_vary_headers(response, ("Cookie",))
        return response
