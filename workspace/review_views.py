"""Verification pages of the workspace: the lead department's head or a coordinator accepts a
pending progress update or returns it with a comment (``plan.verification``, the same services
the API calls)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import roles
from plan import verification


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Прийняти"), ("return", "Повернути на доопрацювання")],
        widget=forms.RadioSelect,
        error_messages={"required": "Оберіть рішення.", "invalid_choice": "Оберіть рішення зі списку."},
    )
    comment = forms.CharField(
        label="Коментар (обов’язковий, якщо звіт повертаєте)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _require_staff(user) -> None:
    if not roles.is_staff_member(user):
        raise PermissionDenied("Звіти перевіряють координатор і керівники підрозділів.")


@login_required
@require_GET
def review_list(request):
    _require_staff(request.user)
    updates = list(verification.updates_to_review(user=request.user))
    return render(request, "workspace/review_list.html", {"updates": updates})


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request, pk):
    _require_staff(request.user)
    update = get_object_or_404(verification.updates_to_review(user=request.user), pk=pk)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
        try:
            if decision == "accept":
                verification.update_accept(update=update, by=request.user, comment=comment)
                messages.success(request, _("Звіт прийнято; стан завдання оновлено на сайті."))
            else:
                verification.update_return(update=update, by=request.user, comment=comment)
                messages.success(request, _("Звіт повернуто автору з вашим коментарем."))
        except ValidationError as exc:
            for name, errors in getattr(exc, "message_dict", {None: exc.messages}).items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            return redirect("workspace:reviews")
    status = 400 if request.method == "POST" else 200
    indicators = {str(i.pk): i for i in update.task.indicators.all()}
    reported = [(indicators.get(key), value) for key, value in (update.indicator_actuals or {}).items()]
    context = {"update": update, "form": form, "indicator_values": [(i, v) for i, v in reported if i]}
    return render(request, "workspace/review_detail.html", context, status=status)
