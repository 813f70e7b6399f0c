import pytest
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Department
from accounts.services import department_get_or_create


@pytest.mark.django_db
def test_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


@pytest.mark.django_db
def test_department_head_acts_only_for_own_department(department_head, department, other_department, coordinator):
    assert roles.can_act_for_department(department_head, department.id)
    assert not roles.can_act_for_department(department_head, other_department.id)
    assert roles.can_act_for_department(coordinator, other_department.id)


@pytest.mark.django_db
def test_council_member_and_anonymous_cannot_write(council_member):
    from django.contrib.auth.models import AnonymousUser

    assert not roles.is_staff_member(council_member)
    assert not roles.is_staff_member(AnonymousUser())
    assert roles.is_council(council_member)


@pytest.mark.django_db
def test_department_names_match_ignoring_case_apostrophes_and_spaces():
    first, created = department_get_or_create(name="Відділ зв’язків з громадськістю")
    again, created_again = department_get_or_create(name="  відділ  зв'язків з ГРОМАДСЬКІСТЮ ")
    assert created and not created_again
    assert first == again
    comma, _ = department_get_or_create(name="Управління економіки, промисловості та праці")
    assert comma.name == "Управління економіки, промисловості та праці"
    assert Department.objects.count() == 2


@pytest.mark.django_db
def test_departments_sort_in_ukrainian_alphabetical_order():
    for name in ["Ґрунтовий відділ", "Їдальня", "Архів", "Єдиний центр", "Інспекція", "Гараж", "Дирекція"]:
        Department.objects.create(name=name)
    names = [d.name[0] for d in Department.objects.alphabetical()]
    assert names == ["А", "Г", "Ґ", "Д", "Є", "І", "Ї"]


@pytest.mark.django_db
def test_admin_is_for_coordinators_only(client, coordinator, department_head):
    client.force_login(department_head)
    assert client.get("/admin/").status_code == 302  # redirected to the admin login
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/department/").status_code == 200
