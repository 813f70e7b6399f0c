"""Choice labels are translated at the source (gettext_lazy): English pages name statuses and
frequencies in English, while files, e-mails and the PDF report keep reading and writing Ukrainian."""

import pytest
from django.core import mail
from django.utils import translation

from feedback import services
from feedback.choices import FeedbackStatus
from plan.choices import TaskStatus
from plan.labels import status_label, ukrainian_status_labels
from registry.choices import DatasetStatus, Frequency
from registry.ckan.dicts import frequency_label
from registry.ckan.query import frequency_codes
from registry.passport import frequency_from_words
from registry.passport_files import passport_values
from registry.resources import ChoiceWidget
from tests.feedback.factories import submit
from tests.registry.factories import DatasetFactory


def _get(client, url, language):
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def test_dataset_status_and_frequency_are_english_on_english_pages(client, db):
    dataset = DatasetFactory(status=DatasetStatus.PUBLISHED, frequency=Frequency.MONTHLY, title="Бюджет міста")
    for url in (f"/registry/{dataset.slug}/", "/registry/"):
        english = _get(client, url, "en")
        assert '<span class="status status-published">Published</span>' in english, url
        assert "Monthly" in english and "Щомісяця" not in english and "Оприлюднено</span>" not in english, url
        ukrainian = _get(client, url, "uk")
        assert '<span class="status status-published">Оприлюднено</span>' in ukrainian and "Щомісяця" in ukrainian, url


def test_task_status_labels_follow_the_language():
    assert status_label(TaskStatus.SUBSTANTIAL) == "Суттєвий прогрес"
    with translation.override("en"):
        assert status_label(TaskStatus.SUBSTANTIAL) == "Substantial progress"
        assert ukrainian_status_labels()[TaskStatus.SUBSTANTIAL] == "Суттєвий прогрес"  # e-mails, stored JSON
        assert all(type(label) is str for label in ukrainian_status_labels().values())


def test_imports_read_ukrainian_labels_whatever_the_language():
    with translation.override("en"):
        assert frequency_from_words("Щомісяця") == Frequency.MONTHLY
        assert ChoiceWidget(DatasetStatus).clean("Оприлюднено") == DatasetStatus.PUBLISHED
        assert frequency_codes("Щокварталу") == [Frequency.QUARTERLY]


@pytest.mark.django_db
def test_feedback_labels_are_lazy_but_the_requesters_email_stays_ukrainian(
    coordinator, django_capture_on_commit_callbacks
):
    item = submit(email="resident@example.net", consent=True)
    with translation.override("en"):  # a coordinator moderating on the English pages
        assert str(FeedbackStatus.FULFILLED.label) == "Completed"
        with django_capture_on_commit_callbacks(execute=True):
            services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
            services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.FULFILLED)
    subjects = [m.subject for m in mail.outbox if m.to == ["resident@example.net"]]
    assert subjects and subjects[-1].endswith(": Виконано"), subjects


def test_files_and_ckan_write_the_ukrainian_frequency_word_read_back_by_imports(db):
    dataset = DatasetFactory(frequency=Frequency.MONTHLY)
    with translation.override("en"):
        assert str(Frequency.MONTHLY.label) == "Monthly"
        assert frequency_label(Frequency.MONTHLY) == "Щомісяця"
        assert passport_values(dataset, personal=False)["Періодичність актуалізації"] == "Щомісяця"
