from django.urls import path

from common.cache import cache_public_page

from . import views
from .feeds import ProgressFeed

app_name = "plan"
urlpatterns = [
    path("plan/tasks/", views.task_list, name="task-list"),
    path("plan/tasks/export.<str:fmt>", views.task_export, name="task-export"),
    path("plan/tasks/<int:pk>/", views.task_detail, name="task-detail"),
    path("plan/timeline/", views.timeline, name="timeline"),
    path("feeds/progress/", cache_public_page(ProgressFeed()), name="progress-feed"),
]
