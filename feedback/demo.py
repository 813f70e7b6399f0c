"""Demo feedback: a handful of published dataset requests with votes, one answered and fulfilled.

Safe to run twice: items are found by title before anything is created.
"""

import datetime as dt
import secrets

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import roles

from . import services
from .choices import FeedbackKind, FeedbackStatus
from .identity import hash_ip, voter_key
from .models import FeedbackItem, FeedbackStatusChange, Vote

DEMO_ITEMS = [
    {
        "kind": FeedbackKind.DATASET_REQUEST,
        "title": "Розклад руху міського громадського транспорту у форматі GTFS",
        "text": "Прошу оприлюднити розклад руху тролейбусів і автобусів у форматі GTFS, щоб його можна було "
        "використовувати в навігаційних застосунках.",
        "votes": 14,
        "days_ago": 40,
        "status": FeedbackStatus.IN_PROGRESS,
        "answer": "Дані готує управління транспорту; планується оприлюднення до кінця кварталу.",
    },
    {
        "kind": FeedbackKind.DATASET_REQUEST,
        "title": "Перелік укриттів та їхня місткість",
        "text": "Просимо оприлюднити перелік захисних споруд з адресами, місткістю та годинами роботи.",
        "votes": 9,
        "days_ago": 25,
        "status": FeedbackStatus.PUBLISHED,
        "answer": "",
    },
    {
        "kind": FeedbackKind.DATASET_REQUEST,
        "title": "Бюджет участі: проєкти та результати голосування",
        "text": "Хотілося б мати всі проєкти громадського бюджету з результатами голосування за кожен рік.",
        "votes": 6,
        "days_ago": 60,
        "status": FeedbackStatus.FULFILLED,
        "answer": "Набір оприлюднено в реєстрі; дані оновлюються після кожного голосування.",
    },
    {
        "kind": FeedbackKind.SUGGESTION,
        "title": "Додати формат CSV до всіх табличних наборів",
        "text": "Деякі набори є лише у форматі XLSX; пропоную завжди додавати CSV у кодуванні UTF-8.",
        "votes": 3,
        "days_ago": 12,
        "status": FeedbackStatus.PUBLISHED,
        "answer": "",
    },
]


def _demo_coordinator():
    User = get_user_model()
    user = User.objects.filter(is_active=True, groups__name=roles.COORDINATOR).order_by("pk").first()
    if user:
        return user
    user = User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
    if user:
        return user
    from accounts.services import user_create_with_role

    return user_create_with_role(
        username="demo-coordinator", password=secrets.token_urlsafe(24), role=roles.COORDINATOR
    )


def load(stdout):
    coordinator = _demo_coordinator()
    created = 0
    for spec in DEMO_ITEMS:
        if FeedbackItem.objects.filter(title=spec["title"]).exists():
            continue
        received = timezone.now() - dt.timedelta(days=spec["days_ago"])
        item = FeedbackItem(kind=spec["kind"], title=spec["title"], text=spec["text"], created_at=received)
        item.full_clean()
        item.save()
        FeedbackStatusChange.objects.create(item=item, status=FeedbackStatus.NEW, created_at=received)
        services.feedback_moderate(item=item, by=coordinator, status=FeedbackStatus.PUBLISHED)
        fulfilled_dataset = None
        if spec["status"] == FeedbackStatus.FULFILLED:
            from registry.models import Dataset

            fulfilled_dataset = Dataset.objects.order_by("pk").first()
        if spec["status"] != FeedbackStatus.PUBLISHED:
            services.feedback_moderate(
                item=item,
                by=coordinator,
                status=spec["status"],
                public_answer=spec["answer"],
                fulfilled_dataset=fulfilled_dataset,
            )
        Vote.objects.bulk_create(
            [
                Vote(
                    item=item,
                    voter_key=voter_key(cookie_id=f"demo-{item.pk}-{n}", ip=""),
                    ip_hash=hash_ip(f"demo-{n}", "vote-ip"),
                )
                for n in range(spec["votes"])
            ]
        )
        services.feedback_recount_votes(item_ids=[item.pk])
        created += 1
    stdout.write(f"Звернення: додано демонстраційних запитів: {created}.")
