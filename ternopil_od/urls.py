from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from portal import views as portal_views

# Under /api/ a 404 is JSON, whichever view or URL pattern gave it.
handler404 = "common.api.views.not_found"

admin.site.site_header = "ternopil-od: адміністрування"
admin.site.site_title = "ternopil-od"

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
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

# Evidence files of progress updates are public and served by the app itself, so an installation
# with only gunicorn needs no extra web-server rule. Other uploads (reports) have their own views.
urlpatterns += [
    path("media/evidence/<path:path>", serve, {"document_root": settings.MEDIA_ROOT / "evidence"}),
]
if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
