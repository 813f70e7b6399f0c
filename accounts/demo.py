"""Demo departments and one user per role, for `manage.py load_demo`."""

from django.db import transaction

from . import roles
from .models import Department, User
from .services import department_get_or_create, user_create_with_role

DEMO_DEPARTMENTS = [
    (
        "Відділ зв’язків з громадськістю та засобами масової інформації",
        "Відділ зв’язків з громадськістю",
        "pr@example.org",
    ),
    ("Управління стратегічного розвитку", "УСР", "strategy@example.org"),
    ("Управління економіки, промисловості та праці", "Економіка", "economy@example.org"),
]

DEMO_USERS = [
    # username, password, role, department index, first name, last name
    ("coordinator", "demo-coordinator-2019", roles.COORDINATOR, 0, "Олена", "Коваль"),
    ("head", "demo-head-2019", roles.DEPARTMENT_HEAD, 0, "Іван", "Петренко"),
    ("head-strategy", "demo-head-strategy-2019", roles.DEPARTMENT_HEAD, 1, "Марія", "Шевчук"),
    ("council", "demo-council-2019", roles.COUNCIL, None, "Андрій", "Бондар"),
]


@transaction.atomic
def load(stdout) -> list[Department]:
    departments = []
    for name, short_name, email in DEMO_DEPARTMENTS:
        department, _ = department_get_or_create(name=name)
        if not department.short_name or not department.email:
            department.short_name = department.short_name or short_name
            department.email = department.email or email
            department.save()
        departments.append(department)
    stdout.write("Демо-користувачі (логін / пароль):")
    for username, password, role, dep_index, first, last in DEMO_USERS:
        department = departments[dep_index] if dep_index is not None else None
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create_with_role(
                username=username,
                password=password,
                role=role,
                email=f"{username}@example.org",
                department=department,
                first_name=first,
                last_name=last,
            )
        if role == roles.DEPARTMENT_HEAD and department.head_id is None:
            department.head = user
            department.save(update_fields=["head"])
        stdout.write(f"  {roles.ROLE_LABELS[role]}: {username} / {password}")
    return departments
