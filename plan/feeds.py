"""Atom feed of progress updates (``/feeds/progress/``): authors by name only, no logins or e-mails."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from common.text import shorten_at_word

from . import selectors
from .labels import quarter_label, status_label

FEED_SIZE = 50
TITLE_LIMIT = 150


def _event_moment(day: dt.date) -> dt.datetime:
    """A reported day as an Atom date-time: its start in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class ProgressFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        _plans, plan, _invalid = selectors.plan_public_choice(value=request.GET.get("plan"))
        return plan

    def title(self, plan):
        return _("Виконання плану дій: %(plan)s") % {"plan": plan.title} if plan else _("Виконання плану дій")

    def subtitle(self, plan):
        return _("Нові записи про виконання завдань плану з відкритих даних.")

    def link(self, plan):
        return reverse("plan:task-list")

    def feed_url(self, plan):
        return reverse("plan:progress-feed")

    def items(self, plan):
        if plan is None:
            return []
        return selectors.progress_updates_latest(plan=plan, limit=FEED_SIZE)

    def item_title(self, update):
        title = shorten_at_word(update.task.title, TITLE_LIMIT)
        return f"{update.task.position}. {title} — {status_label(update.status)}"

    def item_description(self, update):
        parts = [_("Звіт за %(period)s") % {"period": quarter_label(update.period)}, update.narrative]
        if update.percent is not None:
            parts.append(_("Виконано на %(percent)s %%.") % {"percent": update.percent})
        for link in update.links.all():
            parts.append(f"{link.title or _('Підтвердження')}: {link.url}")
        for evidence in update.files.all():
            parts.append(f"{evidence.title or _('Файл')}: {urljoin(settings.SITE_URL, evidence.file.url)}")
        return "\n".join(parts)

    def item_link(self, update):
        return reverse("plan:task-detail", args=[update.task_id]) + f"#update-{update.pk}"

    def item_author_name(self, update):
        return update.author.get_full_name() if update.author else None

    # Dated by the progress it reports (the update's own date), not by when the record was entered.
    def item_pubdate(self, update):
        return _event_moment(update.date)

    def item_updateddate(self, update):
        return _event_moment(update.date)

    def item_categories(self, update):
        return [status_label(update.status), str(update.period)]
