from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.password_reset import ThrottledPasswordResetView
from common.downloads import media_serve
from plan.evidence import evidence_download
from portal import views as portal_views

# Under /api/ a 404 is JSON, whichever view or URL pattern gave it.
handler404 = "common.api.views.not_found"
# Rendered from settings alone: the database may be what failed.
handler500 = "common.error_views.server_error"

admin.site.site_header = "ternopil-od: адміністрування"
admin.site.site_title = "ternopil-od"

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("ternopil_od.api_urls")),
    # Each app's pages carry their full paths (/plan/tasks/, /registry/, /feeds/progress/...).
    path("", include("plan.urls")),
    path("", include("registry.urls")),
    path("", include("audit.urls")),
    path("", include("feedback.urls")),
    path("", include("reports.urls")),
    path("", include("portal.urls")),
    path("", include("workspace.urls")),
]

# Evidence files of progress updates are served by the app itself (an installation with only gunicorn
# needs no web-server rule), as downloads that never run in a browser, and only if their plan is visible.
# Other uploads (reports) have their own views; in development the rest of /media/ is served as downloads too.
urlpatterns += [path("media/evidence/<path:path>", evidence_download, name="evidence-download")]
if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", media_serve)]
