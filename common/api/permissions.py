"""Default API permission: anyone may read; writing needs a signed-in staff role.

Object-level rights (a department head acts only on their own department's objects)
are checked again in the service functions, whichever door the request came through.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts import roles


class ReadOnlyOrRolePermission(BasePermission):
    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and roles.is_staff_member(user))


class IsCoordinator(BasePermission):
    def has_permission(self, request, view):
        return roles.is_coordinator(request.user)
