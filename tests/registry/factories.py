import datetime as dt

import factory
from django.utils import timezone

from registry.choices import DatasetStatus, Frequency
from registry.models import Dataset, RequiredDataset


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.Department"

    name = factory.Sequence(lambda n: f"Управління номер {n}")
    match_key = factory.Sequence(lambda n: f"управління номер {n}")
    email = factory.Sequence(lambda n: f"dept{n}@example.org")


class RequiredDatasetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredDataset

    title = factory.Sequence(lambda n: f"Обов’язковий набір {n}")
    applies_to = "local_self_government"
    position = factory.Sequence(lambda n: n + 1)


class DatasetFactory(factory.django.DjangoModelFactory):
    """A published monthly dataset; the stored due date is computed as the services would."""

    class Meta:
        model = Dataset
        skip_postgeneration_save = True

    identifier = factory.Sequence(lambda n: f"ds-{n}")
    slug = factory.Sequence(lambda n: f"dataset-{n}")
    title = factory.Sequence(lambda n: f"Набір даних {n}")
    description = "Опис набору даних. " * 8
    department = factory.SubFactory(DepartmentFactory)
    responsible_person = "Іван Петренко"
    responsible_email = factory.Sequence(lambda n: f"person{n}@example.org")
    keywords = "бюджет, фінанси"
    formats = "CSV"
    status = DatasetStatus.PUBLISHED
    frequency = Frequency.MONTHLY
    first_published = dt.date(2020, 1, 1)
    last_updated_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=3))

    @factory.post_generation
    def computed(obj, create, extracted, **kwargs):
        from registry.services import dataset_refresh_computed

        dataset_refresh_computed(obj)
        if create:
            obj.save(update_fields=["next_due_date", "quality_score"])
