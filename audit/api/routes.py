from .views import AuditCampaignViewSet, AuditResponseViewSet, InformationResourceViewSet


def register(router):
    """Register this app's viewsets on the /api/v1/ router."""
    router.register("audit-campaigns", AuditCampaignViewSet, basename="audit-campaign")
    router.register("audit-responses", AuditResponseViewSet, basename="audit-response")
    router.register("audit-resources", InformationResourceViewSet, basename="audit-resource")
