from .views import QuarterlyReportViewSet


def register(router):
    """Register this app's viewsets on the /api/v1/ router."""
    router.register("reports", QuarterlyReportViewSet, basename="report")
