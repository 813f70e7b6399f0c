"""Keep the role groups and the coordinators' admin rights in place after every migrate."""

from django.contrib.auth.models import Group, Permission

from . import roles

# Coordinators manage everything in these apps through the admin.
COORDINATOR_APPS = ("accounts", "plan", "registry", "audit", "feedback", "reports", "authtoken")


def ensure_role_groups(sender, **kwargs):
    for name in roles.ALL_ROLES:
        Group.objects.get_or_create(name=name)
    coordinators = Group.objects.get(name=roles.COORDINATOR)
    coordinators.permissions.set(Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS))
