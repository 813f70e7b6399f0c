from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("audit/", views.index, name="index"),
    path("audit/responses/<int:pk>/", views.response_detail, name="response-detail"),
    path("audit/responses/<int:pk>/resources/add/", views.resource_add, name="resource-add"),
    path("audit/responses/<int:pk>/resources/<int:resource_pk>/", views.resource_edit, name="resource-edit"),
    path("audit/responses/<int:pk>/resources/<int:resource_pk>/delete/", views.resource_delete, name="resource-delete"),
    path("audit/responses/<int:pk>/review/", views.response_review, name="response-review"),
    path("audit/campaigns/<int:pk>/", views.campaign_dashboard, name="campaign-dashboard"),
    path("audit/campaigns/<int:pk>/<str:action>/", views.campaign_action, name="campaign-action"),
    path("audit/campaigns/<int:pk>/export.<str:fmt>", views.campaign_export, name="campaign-export"),
    path("audit/results/", views.results_index, name="results-index"),
    path("audit/results/<int:pk>/", views.results, name="results"),
    path("audit/results/<int:pk>/resources.csv", views.results_csv, name="results-csv"),
]
