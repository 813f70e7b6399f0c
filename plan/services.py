"""Writes for the action plan. Every function is one action, atomic, keyword-only, checks rights.

History: Task and ProgressUpdate keep simple_history records; every write here sets the acting
user (``_history_user``) and a short reason (``_change_reason``), so the history shows who, when
and what changed even outside a web request (management commands, Celery, the API).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts import roles
from accounts.departments import DepartmentMatcher
from accounts.models import Department
from accounts.services import departments_for_names
from common.cache import public_data_changed
from common.quarters import Quarter
from common.uploads import validate_upload

from . import reporting, verification
from .choices import CLOSED_STATUSES, PlanStatus, ReviewState, TaskStatus
from .deadlines import DeadlineError, ParsedDeadline, outside_plan_message, parse_deadline
from .importing import PlanRow, TableError, read_table, validate_table
from .indicators import find_targets
from .models import (
    NARRATIVE_MAX,
    ActionPlan,
    EvidenceFile,
    EvidenceLink,
    Indicator,
    Principle,
    ProgressUpdate,
    Section,
    Task,
    TaskDepartment,
    TaskPeriod,
)


def _save_with_history(instance, *, by, reason: str) -> None:
    instance._history_user = by if by is not None and getattr(by, "is_authenticated", False) else None
    instance._change_reason = reason
    instance.save()


def _require_coordinator(by) -> None:
    if by is not None and not roles.is_coordinator(by):
        raise PermissionDenied("Змінювати план може лише координатор відкритих даних.")


# --- Plans ----------------------------------------------------------------------------


@transaction.atomic
def plan_create(
    *,
    title: str,
    start: Quarter | str,
    end: Quarter | str,
    status: str = PlanStatus.ADOPTED,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    by=None,
) -> ActionPlan:
    """Create an empty plan for the quarters start..end (``by`` None = the system)."""
    _require_coordinator(by)
    plan = ActionPlan(
        title=title.strip(),
        start_quarter=str(start),
        end_quarter=str(end),
        status=status,
        decision_number=decision_number,
        decision_date=decision_date,
    )
    plan.full_clean()
    if Quarter.parse(plan.end_quarter) < Quarter.parse(plan.start_quarter):
        raise ValidationError({"end_quarter": "Кінець плану не може бути раніше за його початок."})
    if ActionPlan.objects.filter(title=plan.title, start_quarter=plan.start_quarter).exists():
        raise ValidationError({"title": f"План «{plan.title}» з початком {plan.start_quarter} вже існує."})
    plan.save()
    return plan


MAX_ERRORS_SHOWN = 200  # a broken 5,000-row file must not become a page of 25,000 lines


PLAN_TRANSITIONS = {
    PlanStatus.DRAFT: {PlanStatus.ADOPTED},
    PlanStatus.ADOPTED: {PlanStatus.FINISHED},
    PlanStatus.FINISHED: {PlanStatus.ADOPTED},  # reopened by mistake: back to active
}


@transaction.atomic
def plan_set_status(*, plan: ActionPlan, status: str, by) -> ActionPlan:
    """Move a plan through its lifecycle: draft -> adopted (active) -> finished.

    A finished plan generates no quarterly rounds and gets a final report
    (``reports.services.final_report_generate``). ``by`` None = the system (a management command),
    as for ``plan_create``."""
    _require_coordinator(by)
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if status not in PLAN_TRANSITIONS.get(locked.status, set()):
        current = PlanStatus(locked.status).label
        raise ValidationError({"status": f"План у стані «{current}» не можна перевести в цей стан."})
    locked.status = status
    locked.save(update_fields=["status"])
    plan.status = status
    return locked


@dataclass
class ImportReport:
    plan: ActionPlan | None
    dry_run: bool
    principles: int = 0
    sections: int = 0
    tasks: int = 0
    indicators: int = 0
    new_departments: list[str] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header as written, field label)
    unrecognised: list[str] = field(default_factory=list)  # headers that became no field
    header_row: int = 0
    rows: list[PlanRow] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"Принципів: {self.principles}, розділів: {self.sections}, завдань: {self.tasks}, "
            f"вимірюваних показників: {self.indicators}."
        )
        if self.new_departments:
            text += " Нові підрозділи: " + "; ".join(self.new_departments) + "."
        return text


def plan_import(
    *,
    data: bytes,
    filename: str,
    title: str,
    start: Quarter | str,
    end: Quarter | str,
    status: str = PlanStatus.ADOPTED,
    dry_run: bool = False,
    by=None,
    mapping: dict[str, str] | None = None,
    create_departments: bool = False,
    max_bytes: int = 20 * 1024 * 1024,
) -> ImportReport:
    """Import a plan table (CSV, XLSX or DOCX): validate every row first, then write all of it or nothing.

    Raises ValidationError whose ``messages`` are "Рядок N, колонка «X»: ..." lines. ``mapping``
    ({"header as written": field}) names columns the synonyms do not recognise. Departments are
    matched by name or alias; names matching none are listed in the report (``new_departments``)
    and created only with ``create_departments`` (otherwise the import is refused). With
    ``dry_run`` everything is written inside a transaction and rolled back, so the report is
    exactly what a real import would do.
    """
    _require_coordinator(by)
    try:
        start_q = start if isinstance(start, Quarter) else Quarter.parse(start)
        end_q = end if isinstance(end, Quarter) else Quarter.parse(end)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    matcher = DepartmentMatcher()
    try:
        table = validate_table(
            read_table(data, filename, max_bytes=max_bytes),
            plan_start=start_q,
            plan_end=end_q,
            mapping=mapping,
            known_department=matcher.knows,
        )
    except TableError as exc:
        raise ValidationError([str(exc)]) from None
    if table.errors:
        shown = table.errors[:MAX_ERRORS_SHOWN]
        if len(table.errors) > MAX_ERRORS_SHOWN:
            shown.append(_("…і ще помилок: %(count)s.") % {"count": len(table.errors) - MAX_ERRORS_SHOWN})
        raise ValidationError(shown)
    _found, new_names = departments_for_names(names=[n for row in table.rows for n in row.departments], matcher=matcher)
    if new_names and not dry_run and not create_departments:
        raise ValidationError(
            [
                _(
                    "Нових підрозділів немає в довіднику: %(names)s. Підтвердіть їх створення "
                    "(у командному рядку: --create-departments) або виправте назви чи додайте їх як інші "
                    "назви наявних підрозділів. Нічого не записано."
                )
                % {"names": "; ".join(f"«{n}»" for n in new_names)}
            ]
        )
    with transaction.atomic():
        plan = plan_create(title=title, start=start_q, end=end_q, status=status, by=by)
        report = _write_rows(plan=plan, rows=table.rows, by=by, matcher=matcher)
        report.dry_run = dry_run
        report.columns, report.unrecognised = table.columns(), table.unrecognised()
        report.header_row, report.rows = table.header.row_number, table.rows
        if dry_run:
            transaction.set_rollback(True)
            report.plan = None
    return report


def _write_rows(*, plan: ActionPlan, rows: list[PlanRow], by, matcher: DepartmentMatcher) -> ImportReport:
    """Write the validated rows in bulk: a fixed number of queries whatever the plan's size.

    Bulk writes skip model signals, so history rows are written with them (``bulk_create_with_history``,
    the acting user and the reason "Імпорт плану") and the public pages' cache is bumped at the end.
    """
    report = ImportReport(plan=plan, dry_run=False)
    principles: dict[int, Principle] = {}
    sections: dict[tuple[int, str], Section] = {}
    for row in rows:
        if row.principle_number not in principles:
            principle = Principle(plan=plan, number=row.principle_number, title=row.principle_title)
            principle.full_clean(exclude=["plan"], validate_unique=False, validate_constraints=False)
            principles[row.principle_number] = principle
    Principle.objects.bulk_create(principles.values())
    for row in rows:
        key = (row.principle_number, row.section_title)
        if key not in sections:
            section = Section(principle=principles[row.principle_number], title=row.section_title)
            section.position = len(sections) + 1
            section.full_clean(exclude=["principle"])
            sections[key] = section
    Section.objects.bulk_create(sections.values())
    # New departments are created here only after the user confirmed them (or in a dry run, rolled back).
    departments, report.new_departments = departments_for_names(
        names=[n for row in rows for n in row.departments], create=True, matcher=matcher
    )
    tasks = []
    for position, row in enumerate(rows, start=1):
        task = Task(
            plan=plan,
            section=sections[(row.principle_number, row.section_title)],
            position=position,
            title=row.title,
            description=row.description,
            indicators_text=row.indicators_text,
            deadline_text=row.deadline_text,
            participants=row.participants,
        )
        _apply_deadline_fields(task, row.deadline)
        task.full_clean(exclude=["plan", "section"])
        tasks.append(task)
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    tasks = bulk_create_with_history(tasks, Task, default_user=user, default_change_reason="Імпорт плану")
    periods, links, indicators = [], [], []
    for task, row in zip(tasks, rows, strict=True):
        periods += [TaskPeriod(task=task, start_index=a.index, end_index=b.index) for a, b in row.deadline.periods]
        lead_first = list(dict.fromkeys(departments[name].pk for name in row.departments))
        links += [
            TaskDepartment(task=task, department_id=pk, is_lead=index == 0, position=index)
            for index, pk in enumerate(lead_first)
        ]
        indicators += [
            Indicator(task=task, text=t.text, target_value=t.value, unit=t.unit[:100], position=i)
            for i, t in enumerate(find_targets(task.indicators_text))
        ]
    TaskPeriod.objects.bulk_create(periods)
    TaskDepartment.objects.bulk_create(links)
    Indicator.objects.bulk_create(indicators)
    public_data_changed()
    report.principles, report.sections, report.tasks = len(principles), len(sections), len(rows)
    report.indicators = len(indicators)
    return report


def _apply_deadline_fields(task: Task, deadline: ParsedDeadline) -> None:
    task.recurring = deadline.recurring
    task.due_date = deadline.due_date


def _write_periods(task: Task, deadline: ParsedDeadline) -> None:
    TaskPeriod.objects.filter(task=task).delete()
    TaskPeriod.objects.bulk_create(
        [TaskPeriod(task=task, start_index=start.index, end_index=end.index) for start, end in deadline.periods]
    )


def _write_indicators(task: Task) -> int:
    """Indicator rows for the measurable targets in the task's indicators text."""
    targets = find_targets(task.indicators_text)
    Indicator.objects.bulk_create(
        [
            Indicator(task=task, text=t.text, target_value=t.value, unit=t.unit[:100], position=i)
            for i, t in enumerate(targets)
        ]
    )
    return len(targets)


# --- Tasks ---------------------------------------------------------------------------

TASK_EDITABLE_FIELDS = ("title", "description", "indicators_text", "deadline_text", "section", "position")


@transaction.atomic
def task_update(*, task: Task, by, departments: list[Department] | None = None, **changes) -> Task:
    """Edit a task's texts, section, position, deadline (re-parsed) or departments (lead first).

    Only coordinators edit the plan. Indicators are re-derived when the indicators text changes,
    keeping existing ones whose text and target did not change (their actual values stay).
    """
    if by is None or not roles.is_coordinator(by):
        raise PermissionDenied("Змінювати завдання плану може лише координатор відкритих даних.")
    unknown = set(changes) - set(TASK_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "Це поле не можна змінити."))
    old_indicators = task.indicators_text
    for name, value in changes.items():
        setattr(task, name, value.strip() if isinstance(value, str) else value)
    if task.section.principle.plan_id != task.plan_id:
        raise ValidationError({"section": "Розділ має належати до того самого плану."})
    deadline = None
    if "deadline_text" in changes:
        plan = task.plan
        try:
            deadline = parse_deadline(task.deadline_text, plan_start=plan.start, plan_end=plan.end)
        except DeadlineError as exc:
            raise ValidationError({"deadline_text": str(exc)}) from None
        outside = outside_plan_message(deadline, plan_start=plan.start, plan_end=plan.end)
        if outside:
            raise ValidationError({"deadline_text": f"«{task.deadline_text}»: {outside}"})
        _apply_deadline_fields(task, deadline)
    task.full_clean()
    reason = ("Зміна завдання: " + ", ".join(sorted(changes))) if changes else "Зміна виконавчих органів"
    _save_with_history(task, by=by, reason=reason)
    if deadline is not None:
        _write_periods(task, deadline)
    if task.indicators_text != old_indicators:
        targets = {(t.text, t.value) for t in find_targets(task.indicators_text)}
        for indicator in task.indicators.all():
            if (indicator.text, indicator.target_value) not in targets:
                indicator.delete()
        kept = {(i.text, i.target_value) for i in task.indicators.all()}
        for position, target in enumerate(find_targets(task.indicators_text)):
            if (target.text, target.value) not in kept:
                Indicator.objects.create(
                    task=task, text=target.text, target_value=target.value, unit=target.unit[:100], position=position
                )
    if departments is not None:
        if not departments:
            raise ValidationError({"departments": "Потрібен щонайменше один виконавчий орган."})
        task.task_departments.all().delete()
        for position, department in enumerate(dict.fromkeys(departments)):
            TaskDepartment.objects.create(task=task, department=department, is_lead=position == 0, position=position)
    return task


def _refresh_task_status(task: Task, *, by) -> None:
    """The task's stored (public) status and percent = those of its latest ACCEPTED update (by reporting
    period, then date and time). Without a percent in it, numeric indicators give the percent."""
    latest = (
        task.updates.filter(review_state=ReviewState.ACCEPTED)
        .order_by("-period_index", "-date", "-created_at", "-id")
        .first()
    )
    status = latest.status if latest else TaskStatus.NOT_STARTED
    percent = latest.percent if latest else None
    if percent is None and latest is not None and status not in CLOSED_STATUSES:
        percent = reporting.indicator_rollup(task)
    if (task.status, task.percent) != (status, percent):
        task.status, task.percent = status, percent
        _save_with_history(task, by=by, reason="Новий стан за оновленням виконання")


def _evidence_link(update: ProgressUpdate, link) -> EvidenceLink:
    url, title = (link.get("url", ""), link.get("title", "")) if isinstance(link, dict) else (str(link), "")
    evidence = EvidenceLink(update=update, url=(url or "").strip(), title=(title or "").strip())
    try:
        evidence.full_clean()
    except ValidationError as exc:
        raise ValidationError({"links": f"Неправильне посилання «{url}»: " + "; ".join(exc.messages)}) from None
    return evidence


def _evidence_file(update: ProgressUpdate, upload) -> EvidenceFile:
    validate_upload(upload, field="files")  # size, type and content: common.uploads
    name = os.path.basename(getattr(upload, "name", "") or "")
    return EvidenceFile(update=update, file=upload, title=name[:255])


def progress_earliest_date(plan) -> dt.date:
    """Progress is not dated more than a year before the plan starts (0001-01-01 is a typing error)."""
    first = plan.start.first_day()
    return first.replace(year=first.year - 1)


@transaction.atomic
def task_add_progress(
    *,
    task: Task,
    author,
    status: str,
    narrative: str,
    date: dt.date | None = None,
    percent: int | None = None,
    links=(),
    files=(),
    period=None,
    delay_reason: str = "",
    next_steps: str = "",
    indicator_values=(),
) -> ProgressUpdate:
    """Record a report on a task for a reporting period, with evidence and indicator values.

    Coordinators report on any task, department heads on tasks of their own department.
    ``period``: the quarter reported on (Quarter, index or "2019Q4"; default
    ``plan.reporting.default_period``). ``delay_reason`` is required when the task is late.
    ``indicator_values``: [{"indicator": id, "actual": number, "target": number?, "unit": str?}].
    ``links`` are URLs or {"url", "title"} dicts; ``files`` are uploaded files.
    The update is accepted at once or waits for review (``plan.verification``); only an accepted
    update changes the task's public status.
    """
    department_ids = list(task.task_departments.values_list("department_id", flat=True))
    if not roles.can_act_for_any(author, department_ids):
        raise PermissionDenied("Звітувати про це завдання може координатор або керівник відповідального підрозділу.")
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    try:
        quarter = (
            reporting.default_period_for(plan=task.plan, today=today)
            if period in (None, "")
            else reporting.parse_period(period)
        )
    except ValueError as exc:
        raise ValidationError({"period": str(exc)}) from None
    problem = reporting.period_error(period=quarter, plan=task.plan, today=today)
    if problem:
        errors.setdefault("period", []).append(problem)
    delay_reason = (delay_reason or "").strip()
    if reporting.is_late(due_date=task.due_date, status=status, today=today) and not delay_reason:
        errors.setdefault("delay_reason", []).append(
            "Термін завдання минув, а його не виконано: вкажіть причину затримки."
        )
    actuals = _indicator_actuals(task, indicator_values, errors)
    update = ProgressUpdate(
        task=task,
        author=author,
        status=status,
        narrative=(narrative or "").strip(),
        date=date or today,
        percent=percent,
        period_index=quarter.index,
        delay_reason=delay_reason,
        next_steps=(next_steps or "").strip(),
        indicator_actuals=actuals,
        review_state=(
            ReviewState.PENDING
            if verification.needs_review(task=task, author=author, status=status)
            else ReviewState.ACCEPTED
        ),
    )
    if len(update.narrative) > NARRATIVE_MAX:
        errors.setdefault("narrative", []).append(f"Опис надто довгий: не більше {NARRATIVE_MAX} символів.")
    try:
        update.full_clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if update.date > today:
        errors.setdefault("date", []).append("Дата оновлення не може бути в майбутньому.")
    earliest = progress_earliest_date(task.plan)
    if update.date < earliest:
        errors.setdefault("date", []).append(
            f"Дата оновлення не може бути раніше {earliest:%d.%m.%Y} (за рік до початку плану)."
        )
    if status == TaskStatus.COMPLETED and percent not in (None, 100):
        errors.setdefault("percent", []).append("Виконане завдання має 100 % виконання.")
    if status == TaskStatus.NOT_STARTED and percent not in (None, 0):
        errors.setdefault("percent", []).append("Не розпочате завдання має 0 % виконання.")
    if errors:  # every problem at once, beside its field
        raise ValidationError(errors)
    reason = "Нове оновлення виконання" + (" (очікує перевірки)" if update.review_state == ReviewState.PENDING else "")
    _save_with_history(update, by=author, reason=reason)
    EvidenceLink.objects.bulk_create([_evidence_link(update, link) for link in links])
    for upload in files:
        _evidence_file(update, upload).save()
    if update.review_state == ReviewState.ACCEPTED:
        verification.apply_indicator_values(update)
        _refresh_task_status(task, by=author)
    return update


def _indicator_actuals(task: Task, values, errors: dict) -> dict:
    """Check reported indicator values; {"<id>": {"actual": "1.5", "target": None}} or errors added."""
    indicators = {i.pk: i for i in task.indicators.all()}
    actuals: dict[str, dict] = {}
    for row in values or ():
        try:
            indicator = indicators.get(int(row.get("indicator")))
        except (TypeError, ValueError):
            indicator = None
        if indicator is None:
            errors.setdefault("indicator_values", []).append(
                f"Показника «{row.get('indicator')}» немає серед показників цього завдання."
            )
            continue
        problems = reporting.indicator_value_errors(
            indicator=indicator, actual=row.get("actual"), target=row.get("target"), unit=row.get("unit")
        )
        for message in problems.values():
            errors.setdefault("indicator_values", []).append(f"«{indicator.text[:80]}»: {message}")
        if not problems:
            target = reporting.to_decimal(row.get("target"))
            actuals[str(indicator.pk)] = {
                "actual": reporting.plain_number(reporting.to_decimal(row.get("actual"))),
                "target": None if target is None else reporting.plain_number(target),
            }
    return actuals
