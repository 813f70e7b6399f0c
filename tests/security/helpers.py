"""Builders shared by the security tests: a plan (draft or adopted) with a task, an update and evidence."""

import datetime as dt

from django.core.files.base import ContentFile

from plan.choices import PlanStatus
from plan.models import EvidenceFile, ProgressUpdate
from tests.plan.factories import make_plan, make_section, make_task

XHTML_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
    b"<script>document.title='RAN';fetch('/script-ran-here')</script><p>evidence</p></body></html>"
)


def plan_with_evidence(*, status=PlanStatus.ADOPTED, department=None, content=b"%PDF-1.4 report", name="report.pdf"):
    """A plan with one task, one progress update and one stored evidence file (written past the validator,
    as a file uploaded before the validator existed would be)."""
    plan = make_plan(title=f"План ({status})")
    plan.status = status
    plan.save()
    section = make_section(plan)
    task = make_task(section, departments=[department] if department else [], title=f"Завдання плану «{status}» 7Q")
    update = ProgressUpdate.objects.create(
        task=task, date=dt.date(2019, 5, 1), status="limited", narrative="Звіт про виконання."
    )
    evidence = EvidenceFile(update=update, title=name)
    evidence.file.save(name, ContentFile(content), save=True)
    return plan, task, update, evidence
