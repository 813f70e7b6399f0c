"""Creating a planned dataset in the registry from an accepted audit resource."""

from registry.choices import DatasetSource, DatasetStatus, Frequency
from registry.models import Dataset
from registry.services import dataset_create


def planned_dataset_identifier(resource) -> str:
    return f"audit-{resource.response.campaign_id}-{resource.pk}"


def create_planned_dataset(*, resource, by) -> Dataset:
    """A planned dataset built from ``resource`` through the registry's own service.

    The registry makes the Latin slug and computes the due date and quality score; the caller
    has checked the audit-side permissions, the registry checks that ``by`` may act for the department.
    """
    response = resource.response
    return dataset_create(
        by=by,
        identifier=planned_dataset_identifier(resource),
        title=resource.name.strip()[:254],
        description=resource.description[:4000],
        department=response.department,
        responsible_person=resource.responsible_person[:255],
        responsible_email=resource.responsible_email,
        formats=resource.formats[:255],
        frequency=resource.frequency or Frequency.YEARLY,
        status=DatasetStatus.PLANNED,
        source=DatasetSource.AUDIT,
        purpose=resource.legal_basis,
    )
