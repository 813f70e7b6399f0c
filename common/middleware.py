"""Language selection: Ukrainian first on the site, the client's choice on the API."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class UkrainianFirstLocaleMiddleware(LocaleMiddleware):
    """Pages are in Ukrainian unless the visitor chose another language with the switch (cookie).

    A browser's Accept-Language is ignored on pages: residents with an English-language browser
    still get the council's site in Ukrainian. API clients ask for a language with
    Accept-Language, so /api/ keeps Django's usual negotiation.
    """

    def process_request(self, request):
        if request.path_info.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
