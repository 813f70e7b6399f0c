from django.urls import path

from . import review_views, views

app_name = "workspace"
urlpatterns = [
    path("workspace/", views.index, name="index"),
    path("workspace/tasks/<int:pk>/progress/", views.task_progress, name="task-progress"),
    path("workspace/datasets/<slug:slug>/mark-updated/", views.dataset_updated, name="dataset-updated"),
    path("workspace/audit/<int:pk>/submit/", views.audit_submit, name="audit-submit"),
    path("workspace/departments/<int:pk>/", views.department_contacts, name="department-contacts"),
    path("workspace/reviews/", review_views.review_list, name="reviews"),
    path("workspace/reviews/<int:pk>/", review_views.review_detail, name="review-detail"),
]
