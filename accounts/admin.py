from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Department, DepartmentAlias, User
from .services import department_rename


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Підрозділ", {"fields": ("patronymic", "position", "department")}),)
    list_display = ("username", "last_name", "first_name", "department", "is_active")
    list_filter = ("groups", "department", "is_active")
    list_select_related = ("department",)


class DepartmentAliasInline(admin.TabularInline):
    """Other names imports should recognise (an old name is added by renaming through the service)."""

    model = DepartmentAlias
    extra = 0
    fields = ("name",)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    inlines = [DepartmentAliasInline]

    def save_model(self, request, obj, form, change):
        # A renaming goes through the service, which keeps the old name as an alias for imports.
        if change and "name" in form.changed_data:
            new_name, obj.name = obj.name, form.initial["name"]
            department_rename(department=obj, name=new_name, by=request.user)
        else:
            super().save_model(request, obj, form, change)

    list_display = ("name", "short_name", "email", "head")
    search_fields = ("name", "short_name", "email")
    list_select_related = ("head",)
    autocomplete_fields = ("head",)
