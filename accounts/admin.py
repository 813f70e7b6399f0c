from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .models import Department, DepartmentAlias, User
from .services import department_rename


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

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            # Only roles whose rights the editor holds: no group is a back door to more permissions.
            held = Permission.objects.filter(Q(group__user=request.user) | Q(user=request.user)).values("pk")
            kwargs["queryset"] = Group.objects.exclude(permissions__in=Permission.objects.exclude(pk__in=held))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


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
