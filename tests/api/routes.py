"""Every route under /api/v1/ with the HTTP methods it answers, read from the urlconf itself."""

from django.urls import URLPattern, URLResolver, get_resolver

API_PREFIX = "api/v1/"


def _api_resolver() -> URLResolver:
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and str(entry.pattern) == API_PREFIX:
            return entry
    raise AssertionError("/api/v1/ is not in the root urlconf")


def _walk(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry


def _methods(callback) -> set[str]:
    actions = getattr(callback, "actions", None)
    if actions is not None:  # a viewset route: the router's method -> action mapping
        cls = callback.cls
        # ...less what the viewset refuses outright (http_method_names), which answers 405
        methods = {m.upper() for m in actions if m in cls.http_method_names}
    else:
        cls = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        if cls is None:
            raise AssertionError(f"{callback!r}: a plain function view under /api/v1/; make it an APIView")
        methods = {m.upper() for m in cls.http_method_names if m not in ("head", "options") and hasattr(cls, m)}
    if "GET" in methods:
        methods.add("HEAD")  # Django and DRF answer HEAD wherever GET is answered
    if hasattr(cls, "options"):
        methods.add("OPTIONS")
    return methods


def api_routes() -> dict[str, set[str]]:
    """URL name -> methods. Format-suffix variants share their route's name and methods."""
    routes: dict[str, set[str]] = {}
    for pattern in _walk(_api_resolver().url_patterns):
        assert pattern.name, f"unnamed route under /api/v1/: {pattern.pattern}"
        routes.setdefault(pattern.name, set()).update(_methods(pattern.callback))
    return routes
