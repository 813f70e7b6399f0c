"""Departments found by name or alias, whatever the case, apostrophes and spaces; renaming keeps the old name."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.departments import DepartmentMatcher, department_match
from accounts.models import Department, DepartmentAlias
from accounts.services import department_add_alias, department_get_or_create, department_rename

pytestmark = pytest.mark.django_db


def test_match_by_normalised_name_and_alias():
    pr = Department.objects.create(name="Відділ зв’язків з громадськістю")
    department_add_alias(department=pr, name="Прес-служба")
    assert department_match("відділ  ЗВ'ЯЗКІВ з громадськістю") == pr
    assert department_match("прес-служба") == pr
    assert department_match("Інший відділ") is None
    matcher = DepartmentMatcher()
    assert matcher.match("ПРЕС-СЛУЖБА") == pr and matcher.match("Відділ зв`язків з громадськістю") == pr
    assert department_get_or_create(name="Прес-служба") == (pr, False)


def test_alias_of_another_department_refused():
    a = Department.objects.create(name="Управління А")
    b = Department.objects.create(name="Управління Б")
    with pytest.raises(ValidationError, match="уже належить"):
        department_add_alias(department=b, name="управління а")
    assert department_add_alias(department=a, name="Управління А") is None
    assert not DepartmentAlias.objects.exists()


def test_rename_keeps_the_old_name_as_alias(coordinator, department_head):
    old = "Управління цифрової трансформації та комунікації зі ЗМІ"
    department = Department.objects.create(name=old)
    with pytest.raises(PermissionDenied):
        department_rename(department=department, name="Нове управління", by=department_head)
    department_rename(department=department, name="Управління цифрового розвитку", by=coordinator)
    department.refresh_from_db()
    assert department.name == "Управління цифрового розвитку"
    assert department_match(old) == department
    assert DepartmentMatcher().match(old) == department


def test_renaming_in_the_admin_keeps_the_old_name(client, coordinator):
    department = Department.objects.create(name="Відділ інформаційних технологій")
    client.force_login(coordinator)
    url = f"/admin/accounts/department/{department.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = {
        "name": "Управління цифрової трансформації",
        "short_name": "",
        "email": "",
        "head": "",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert department_match("Відділ інформаційних технологій") == department
    department.refresh_from_db()
    assert department.name == "Управління цифрової трансформації"


def test_departments_for_names_lists_new_ones_and_creates_only_when_asked():
    from accounts.services import departments_for_names

    known = Department.objects.create(name="Управління А")
    found, new = departments_for_names(names=["управління  а", "Відділ Б", "відділ б"])
    assert found == {"управління  а": known} and new == ["Відділ Б"]
    assert Department.objects.count() == 1
    found, new = departments_for_names(names=["Відділ Б", "відділ б", "Управління А"], create=True)
    assert new == ["Відділ Б"] and found["Відділ Б"] == found["відділ б"] != known
    assert Department.objects.count() == 2
