from django.urls import path

from common.cache import cache_public_page

from . import dataset_picker, views

app_name = "feedback"
urlpatterns = [
    path("feedback/new/", views.feedback_new, name="feedback-new"),
    path("feedback/thanks/", views.feedback_thanks, name="thanks"),
    path("feedback/datasets/", cache_public_page(dataset_picker.dataset_search_view), name="dataset-search"),
    path("feedback/moderation/", views.moderation_queue, name="moderation-queue"),
    path("feedback/moderation/<int:pk>/", views.moderation_detail, name="moderation-detail"),
    path("requests/", views.request_list, name="request-list"),
    path("requests/feed/", cache_public_page(views.RequestFeed()), name="request-feed"),
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("requests/<int:pk>/vote/", views.request_vote, name="request-vote"),
]
