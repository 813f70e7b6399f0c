"""The workspace keeps one small record per person: when they last came, to show what is new."""

from django.conf import settings
from django.db import models


class WorkspaceVisit(models.Model):
    """The start of the person's current and previous workspace sessions.

    "New since your last visit" means new since ``previous_visit_at``; it moves forward when
    the person comes back in a new session (not on every reload, which would empty the list).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workspace_visit")
    current_visit_at = models.DateTimeField("поточний візит")
    previous_visit_at = models.DateTimeField("попередній візит", null=True, blank=True)
    session_key = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "візит до робочого кабінету"
        verbose_name_plural = "візити до робочого кабінету"

    def __str__(self):
        return f"{self.user} · {self.current_visit_at:%d.%m.%Y %H:%M}"
