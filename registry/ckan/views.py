"""URLs of the CKAN action API: ``/api/action/<name>`` (ckanapi) and ``/api/3/action/<name>``.

Every action is read only, so no CSRF token is needed (ckanapi POSTs JSON without one).
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .actions import ACTIONS, status_show
from .envelope import ActionError, BadRequest, NotFound, failure, ok
from .params import Params, request_data


@csrf_exempt
def action(request, name: str, version: str | None = None):
    try:
        if request.method not in ("GET", "POST"):
            raise BadRequest(_("Дозволено лише GET і POST."))
        function = ACTIONS.get(name)
        if function is None:
            raise NotFound(_("Дія невідома: %(name)s") % {"name": name[:60]})
        return ok(request, name, function(request, Params(request_data(request))))
    except ActionError as exc:
        response = failure(request, name[:60], exc)
        if request.method not in ("GET", "POST"):
            response.status_code = 405
            response["Allow"] = "GET, POST"
        return response


def api_version(request, version: int = 1):
    return JsonResponse({"version": version})


def util_status(request):
    return JsonResponse(status_show(request, Params({})), json_dumps_params={"ensure_ascii": False})
