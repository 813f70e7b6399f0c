from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Department, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Підрозділ", {"fields": ("patronymic", "position", "department")}),)
    list_display = ("username", "last_name", "first_name", "department", "is_active")
    list_filter = ("groups", "department", "is_active")
    list_select_related = ("department",)

    # Nobody grants rights they do not hold: only a superuser makes superusers or hands out single
    # permissions, only staff grant staff status, and a superuser's account is changed by superusers only.
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        if not request.user.is_staff:
            readonly.append("is_staff")
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "email", "head")
    search_fields = ("name", "short_name", "email")
    list_select_related = ("head",)
    autocomplete_fields = ("head",)
