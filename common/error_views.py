"""The site's own error pages where Django would answer with its English ones: the 500 page (rendered
from settings alone, since the database or a context processor may be what failed) and the page
of a form refused by the CSRF check."""

from django.conf import settings
from django.http import HttpResponseForbidden, HttpResponseServerError
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"COUNCIL_NAME": settings.COUNCIL_NAME}))


def csrf_failure(request, reason=""):
    """The 403 page, saying why a form was refused and what to do."""
    message = _(
        "Форму не прийнято: сторінка застаріла або у браузері вимкнено файли cookie. "
        "Оновіть сторінку й надішліть форму ще раз."
    )
    return HttpResponseForbidden(loader.render_to_string("403.html", {"error_reason": message}, request=request))
