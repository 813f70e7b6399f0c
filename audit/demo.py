"""A demo audit campaign for the demo departments, for `manage.py load_demo`. Safe to run twice."""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.demo import DEMO_DEPARTMENTS
from accounts.models import User
from accounts.services import department_get_or_create

from . import services
from .choices import CampaignStatus, ResponseStatus
from .models import AuditCampaign, AuditResponse

DEMO_TITLE = "Інформаційний аудит (демонстраційна кампанія)"
DEMO_RESOURCES = [
    {
        "name": "Реєстр розпоряджень міського голови",
        "description": "Розпорядження з основної діяльності: номер, дата, назва, текст.",
        "legal_basis": "Закон України «Про місцеве самоврядування в Україні», ст. 42.",
        "form": "database",
        "formats": "DOCX, PDF",
        "personal_data": "partly",
        "access_category": "public",
        "frequency": "on_change",
        "approximate_size": "близько 2000 документів на рік",
        "system_name": "Система електронного документообігу",
        "responsible_person": "Петренко І. В.",
        "can_publish": "partly",
        "restriction_reason": "Персональні дані знеособлюються (Закон «Про захист персональних даних»).",
        "public_interest": 4,
    },
    {
        "name": "Перелік засобів масової інформації, акредитованих при раді",
        "description": "Назва видання, вид ЗМІ, дата акредитації.",
        "legal_basis": "Положення про акредитацію журналістів.",
        "form": "electronic",
        "formats": "XLSX",
        "personal_data": "no",
        "access_category": "public",
        "frequency": "quarterly",
        "can_publish": "yes",
        "public_interest": 3,
    },
]


@transaction.atomic
def load(stdout):
    departments = [department_get_or_create(name=name)[0] for name, _short, _email in DEMO_DEPARTMENTS]
    coordinator = User.objects.filter(username="coordinator").first()
    if coordinator is None:
        stdout.write("Аудит: немає демо-координатора, кампанію не створено.")
        return None
    campaign = AuditCampaign.objects.filter(title=DEMO_TITLE).first()
    if campaign is None:
        today = timezone.localdate()
        campaign = services.campaign_create(
            by=coordinator,
            title=DEMO_TITLE,
            methodology="1. Кожен підрозділ перелічує інформаційні ресурси, якими володіє.\n"
            "2. Для кожного ресурсу зазначає правові підстави, формат, доступ і чи можна оприлюднити.\n"
            "3. Координатор розглядає анкети і вносить придатні ресурси до реєстру наборів даних.",
            methodology_version="1.0",
            start_date=today - datetime.timedelta(days=7),
            deadline=today + datetime.timedelta(days=30),
            departments=departments,
        )
    if campaign.status == CampaignStatus.DRAFT:
        services.campaign_open(campaign=campaign, by=coordinator)
    # The first demo department (its head signs in as "head") has already submitted.
    first = departments[0]
    response = AuditResponse.objects.get(campaign=campaign, department=first)
    head = first.head
    if head is not None and response.status == ResponseStatus.NOT_STARTED and not response.resources.exists():
        for fields in DEMO_RESOURCES:
            services.resource_add(response=response, by=head, **fields)
        services.response_submit(response=response, by=head)
    stdout.write(f"Аудит: демо-кампанія «{campaign.title}» (/audit/campaigns/{campaign.pk}/).")
    return campaign
