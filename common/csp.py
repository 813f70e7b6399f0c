"""Content-Security-Policy for every response: no inline script or style anywhere on the site.

``ContentSecurityPolicyMiddleware`` sets ``settings.CONTENT_SECURITY_POLICY`` on each response that
has no policy yet (uploaded-file downloads set their own ``sandbox`` policy, see common.downloads).
A path prefix listed in ``settings.CONTENT_SECURITY_POLICY_ROUTES`` gets its own policy instead
(first match wins): ReDoc and DRF's browsable API pages allow inline *styles* (ReDoc injects <style>
elements and starts a blob: worker; DRF's templates use style attributes); scripts stay 'self'.
Swagger UI runs under the site policy (its start-up script is a separate file, not inline).
"""

from django.conf import settings

HEADER = "Content-Security-Policy"


def policy_for(path: str) -> str:
    for prefix, policy in getattr(settings, "CONTENT_SECURITY_POLICY_ROUTES", {}).items():
        if path.startswith(prefix):
            return policy
    return settings.CONTENT_SECURITY_POLICY


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = policy_for(request.path_info)
        return response
