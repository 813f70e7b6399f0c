"""Creating a planned dataset in the registry from an accepted audit resource."""

from django.utils.text import slugify

from registry.choices import DatasetSource, DatasetStatus, Frequency
from registry.models import Dataset

from .translit import transliterate


def _unique_slug(base: str, fallback: str) -> str:
    slug = slugify(base)[:100].strip("-") or fallback
    if Dataset.objects.filter(slug=slug).exists():
        slug = f"{slug[: 120 - len(fallback) - 1]}-{fallback}"
    return slug


def planned_dataset_identifier(resource) -> str:
    return f"audit-{resource.response.campaign_id}-{resource.pk}"


def create_planned_dataset(*, resource, by) -> Dataset:
    """A planned dataset built from ``resource`` (the caller has checked permissions).

    TODO(merge): switch to ``registry.services.dataset_create(by=by, **fields)`` once the registry
    branch is merged; this is the only place in the audit app that writes a Dataset.
    """
    response = resource.response
    identifier = planned_dataset_identifier(resource)
    title = resource.name.strip()[:254]
    dataset = Dataset(
        identifier=identifier,
        slug=_unique_slug(transliterate(title), identifier),
        title=title,
        description=resource.description[:4000],
        department_id=response.department_id,
        responsible_person=resource.responsible_person[:255],
        responsible_email=resource.responsible_email,
        formats=resource.formats[:255],
        frequency=resource.frequency or Frequency.YEARLY,
        status=DatasetStatus.PLANNED,
        source=DatasetSource.AUDIT,
        purpose=resource.legal_basis,
    )
    dataset.full_clean()
    dataset.save()
    return dataset
