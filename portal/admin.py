from django.contrib import admin

from .models import DemoDataMarker


@admin.register(DemoDataMarker)
class DemoDataMarkerAdmin(admin.ModelAdmin):
    """Delete the marker to remove the "демонстраційні дані" notice (real data replaced the demo)."""

    list_display = ("loaded_at", "note")
    readonly_fields = ("loaded_at", "note")

    def has_add_permission(self, request):
        return False  # only load_demo sets it

    def delete_model(self, request, obj):
        from .demo import demo_marker_clear

        demo_marker_clear()
