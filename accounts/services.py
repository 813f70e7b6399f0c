"""Writes for users and departments."""

from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .departments import department_match_key, normalise_department_name
from .models import Department, User


@transaction.atomic
def department_get_or_create(*, name: str) -> tuple[Department, bool]:
    """Find a department by its name as written anywhere (case, apostrophes, spaces), or create it."""
    clean = normalise_department_name(name)
    if not clean:
        raise ValueError("Порожня назва підрозділу")
    existing = Department.objects.filter(match_key=department_match_key(clean)).first()
    if existing:
        return existing, False
    department = Department(name=clean)
    department.full_clean(exclude=["match_key"])
    department.save()
    return department, True


@transaction.atomic
def user_create_with_role(
    *, username: str, password: str, role: str, email: str = "", department: Department | None = None, **names
) -> User:
    if role not in roles.ALL_ROLES:
        raise ValueError(f"Невідома роль: {role}")
    user = User(username=username, email=email, department=department, **names)
    # Only coordinators use the Django admin; department heads work in /workspace/.
    user.is_staff = role == roles.COORDINATOR
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    return user
