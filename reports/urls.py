from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_archive, name="archive"),
    path("reports/generate/", views.report_generate_now, name="generate"),
    path("reports/<int:pk>/download/", views.report_download, name="download"),
    path("reports/files/<uuid:key>/", views.report_attachment_download, name="attachment"),
]
