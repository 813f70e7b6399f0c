"""The site's 500 page: rendered from settings alone, since the database or a context processor
may be what failed."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"COUNCIL_NAME": settings.COUNCIL_NAME}))
