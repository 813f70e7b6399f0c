from . import views


def register(router):
    """Register this app's viewsets on the /api/v1/ router."""
    router.register("plans", views.PlanViewSet, basename="plan")
    router.register("principles", views.PrincipleViewSet, basename="principle")
    router.register("sections", views.SectionViewSet, basename="section")
    router.register("departments", views.DepartmentViewSet, basename="department")
    router.register("tasks", views.TaskViewSet, basename="task")
    router.register("progress-updates", views.ProgressReviewViewSet, basename="progress-update")
