from .views import RequestViewSet


def register(router):
    """Register this app's viewsets on the /api/v1/ router."""
    router.register("requests", RequestViewSet, basename="request")
