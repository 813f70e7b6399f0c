"""Evidence files of progress updates: served only as inert downloads, only when their plan is visible.

Mounted on ``/media/evidence/<path>`` (the URL their FileField gives), in production and development.
"""

from django.http import Http404
from django.views.decorators.http import require_safe

from common.downloads import download_response

from . import selectors


@require_safe
def evidence_download(request, path: str):
    name = f"evidence/{path}"
    evidence = selectors.evidence_files_for(request.user).filter(file=name).first()
    if evidence is None:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return download_response(handle, filename=evidence.title or path.rsplit("/", 1)[-1])
