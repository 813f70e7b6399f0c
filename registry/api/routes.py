def register(router):
    """Register this app's viewsets on the /api/v1/ router."""
    from .views import DatasetViewSet, RequiredDatasetViewSet

    router.register("datasets", DatasetViewSet, basename="dataset")
    router.register("required-datasets", RequiredDatasetViewSet, basename="required-dataset")
