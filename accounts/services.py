"""Writes for users and departments."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from . import roles
from .departments import DepartmentMatcher, department_match, department_match_key, normalise_department_name
from .models import Department, DepartmentAlias, User


@transaction.atomic
def department_get_or_create(*, name: str) -> tuple[Department, bool]:
    """Find a department by its name or an alias as written anywhere (case, apostrophes, spaces), or create it."""
    clean = normalise_department_name(name)
    if not clean:
        raise ValueError("Порожня назва підрозділу")
    existing = department_match(clean)
    if existing:
        return existing, False
    department = Department(name=clean)
    department.full_clean(exclude=["match_key"])
    department.save()
    return department, True


@transaction.atomic
def departments_for_names(
    *, names, create: bool = False, matcher: DepartmentMatcher | None = None
) -> tuple[dict[str, Department], list[str]]:
    """Departments for names as an import wrote them: matched by normalised name or alias.

    Returns ({name: department}, [names no department has]). Those new names are created only with
    ``create`` (after the user confirmed them); without it they are left out of the dict, so the
    caller lists them and refuses, never creating a department silently. Two queries plus a few per
    new department, whatever the number of names.
    """
    matcher = matcher or DepartmentMatcher()
    found: dict[str, Department] = {}
    new: dict[str, str] = {}  # match key -> the name as first written
    for name in dict.fromkeys(names):
        department = matcher.match(name)
        if department is None:
            new.setdefault(department_match_key(name), normalise_department_name(name))
            if not create:
                continue
            department, _created = department_get_or_create(name=name)
            matcher.remember(department, name)
        found[name] = department
    return found, list(new.values())


@transaction.atomic
def department_add_alias(*, department: Department, name: str) -> DepartmentAlias | None:
    """Let imports find ``department`` under ``name`` too. None when the name is already its own.

    A name that belongs to another department (as its name or alias) is refused: one name, one department.
    """
    clean = normalise_department_name(name)
    if not clean:
        raise ValidationError({"name": "Порожня назва підрозділу."})
    owner = department_match(clean)
    if owner is not None and owner.pk != department.pk:
        raise ValidationError({"name": f"Назва «{clean}» уже належить підрозділу «{owner.name}»."})
    if owner is not None:
        return None
    alias = DepartmentAlias(department=department, name=clean)
    alias.save()
    return alias


@transaction.atomic
def department_rename(*, department: Department, name: str, by) -> Department:
    """Rename a department; its old name stays an alias, so later imports of old documents still match."""
    if by is None or not roles.is_coordinator(by):
        raise PermissionDenied("Перейменовує підрозділи лише координатор відкритих даних.")
    clean = normalise_department_name(name)
    owner = department_match(clean)
    if not clean or (owner is not None and owner.pk != department.pk):
        raise ValidationError({"name": f"Назва «{clean}» порожня або вже належить іншому підрозділу."})
    old = department.name
    DepartmentAlias.objects.filter(department=department, match_key=department_match_key(clean)).delete()
    department.name = clean
    department.full_clean(exclude=["match_key"])
    department.save()
    if department_match_key(old) != department_match_key(clean):
        DepartmentAlias.objects.create(department=department, name=old)
    return department


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


_UNSET = object()


@transaction.atomic
def department_update_contacts(
    *, department: Department, by, email=_UNSET, short_name=_UNSET, head=_UNSET
) -> Department:
    """Change a department's contact e-mail, short name or head (coordinators only).

    Only the arguments given are changed. The head must be an active user; ``head=None`` clears it.
    Reminders go to the department's e-mail (or its head's), so these must be kept current.
    """
    if by is None or not roles.is_coordinator(by):
        raise PermissionDenied("Контакти підрозділів змінює лише координатор відкритих даних.")
    if email is not _UNSET:
        department.email = (email or "").strip()
    if short_name is not _UNSET:
        department.short_name = (short_name or "").strip()
    if head is not _UNSET:
        if head is not None and not head.is_active:
            raise ValidationError({"head": "Керівником може бути лише активний користувач."})
        department.head = head
    department.full_clean(exclude=["match_key"])
    department.save()
    return department
