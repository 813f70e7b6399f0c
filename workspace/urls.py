from django.urls import path

from . import plan_views, review_views, views

app_name = "workspace"
urlpatterns = [
    path("workspace/", views.index, name="index"),
    path("workspace/tasks/<int:pk>/progress/", views.task_progress, name="task-progress"),
    path("workspace/datasets/<slug:slug>/mark-updated/", views.dataset_updated, name="dataset-updated"),
    path("workspace/audit/<int:pk>/submit/", views.audit_submit, name="audit-submit"),
    path("workspace/departments/<int:pk>/", views.department_contacts, name="department-contacts"),
    path("workspace/reviews/", review_views.review_list, name="reviews"),
    path("workspace/plans/", plan_views.plan_list, name="plans"),
    path("workspace/plans/<int:pk>/adopt/", plan_views.plan_adopt, name="plan-adopt"),
    path("workspace/plans/<int:pk>/finish/", plan_views.plan_finish, name="plan-finish"),
    path("workspace/plans/<int:pk>/final-report/", plan_views.plan_final_report, name="plan-final-report"),
    path("workspace/reviews/<int:pk>/", review_views.review_detail, name="review-detail"),
]
