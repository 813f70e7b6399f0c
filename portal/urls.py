from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("departments/<int:pk>/", views.department_detail, name="department-detail"),
]
