"""Roles are groups. These helpers are the only place that knows their names."""

COORDINATOR = "coordinator"
DEPARTMENT_HEAD = "department_head"
COUNCIL = "council"
ALL_ROLES = (COORDINATOR, DEPARTMENT_HEAD, COUNCIL)
ROLE_LABELS = {
    COORDINATOR: "Координатор відкритих даних",
    DEPARTMENT_HEAD: "Керівник підрозділу",
    COUNCIL: "Депутат / член ради",
}


def _has(user, role: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return role in user.role_names


def is_coordinator(user) -> bool:
    return bool(user and user.is_authenticated and user.is_superuser) or _has(user, COORDINATOR)


def is_department_head(user) -> bool:
    return _has(user, DEPARTMENT_HEAD) and user.department_id is not None


def is_council(user) -> bool:
    return _has(user, COUNCIL)


def is_staff_member(user) -> bool:
    """Coordinators and department heads write; council members and the public only read."""
    return is_coordinator(user) or is_department_head(user)


def can_act_for_department(user, department_id) -> bool:
    """Coordinators act for every department; a department head only for their own."""
    if is_coordinator(user):
        return True
    return is_department_head(user) and department_id is not None and user.department_id == department_id


def can_act_for_any(user, department_ids) -> bool:
    """For objects with several responsible departments (plan tasks)."""
    if is_coordinator(user):
        return True
    return is_department_head(user) and user.department_id in set(department_ids)
