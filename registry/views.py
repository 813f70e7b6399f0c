from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from accounts import roles
from plan import selectors as plan_selectors

from . import selectors, services
from .catalog_cache import cached_catalog
from .catalog_feed import MEDIA_TYPES, PageNotFound, catalog_document
from .exports import registry_xlsx
from .filtersets import DatasetFilterSet
from .forms import MarkUpdatedForm
from .page_sections import render_dataset_sections
from .quality import dataset_quality
from .resources import DatasetResource
from .schedule import is_overdue

PAGE_SIZE = 25


def _filtered(request, queryset):
    filterset = DatasetFilterSet(request.GET or None, queryset=queryset, today=timezone.localdate())
    return filterset, (filterset.qs if filterset.is_bound and filterset.is_valid() else queryset)


@require_GET
def dataset_list(request):
    filterset, qs = _filtered(request, selectors.dataset_list(user=None))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/dataset_list.html",
        {"filterset": filterset, "page": page, "query": query.urlencode(), "today": timezone.localdate()},
    )


@require_GET
def dataset_export(request):
    """CSV of the filtered list (public columns only, formula cells escaped)."""
    _, qs = _filtered(request, selectors.dataset_list(user=None))
    data = DatasetResource(public=True).export(qs)
    # A byte-order mark, so Excel reads the Cyrillic as UTF-8.
    response = HttpResponse("\ufeff" + data.csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="registry.csv"'
    return response


@require_GET
def dataset_export_xlsx(request):
    """XLSX of the filtered list for people: headers in the page's language, typed cells."""
    _, qs = _filtered(request, selectors.dataset_list(user=None))
    response = HttpResponse(
        registry_xlsx(qs), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="registry.xlsx"'
    patch_vary_headers(response, ["Cookie"])
    return response


@require_GET
def dataset_detail(request, slug):
    # The whole record is loaded so that the quality check sees the responsible person; the
    # template shows personal fields to staff only.
    queryset = selectors.dataset_detail_queryset(user=request.user).defer(None)
    dataset = get_object_or_404(queryset, slug=slug)
    today = timezone.localdate()
    quality = dataset_quality(dataset, today=today)
    return render(
        request,
        "registry/dataset_detail.html",
        {
            "dataset": dataset,
            "overdue": dataset.status == "published" and is_overdue(dataset.next_due_date, today),
            "quality": quality,
            "updates": dataset.updates.all(),
            "tasks": dataset.tasks.filter(plan_selectors.visible_plan_q(request.user, prefix="plan__")),
            "can_act": roles.can_act_for_department(request.user, dataset.department_id),
            "show_personal": roles.is_staff_member(request.user),
            "extra_sections": render_dataset_sections(request, dataset),
        },
    )


@require_GET
def checklist(request):
    return render(request, "registry/checklist.html", {"checklist": selectors.checklist_835()})


@login_required
@require_GET
def my_datasets(request):
    if not roles.is_staff_member(request.user):
        raise PermissionDenied
    qs = selectors.dataset_for_user(user=request.user).order_by("next_due_date", "title")
    filterset, qs = _filtered(request, qs)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "registry/my_datasets.html",
        {
            "page": page,
            "filterset": filterset,
            "today": timezone.localdate(),
            "form": MarkUpdatedForm(),
            "can_import": roles.is_coordinator(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mark_updated(request, slug):
    dataset = get_object_or_404(selectors.dataset_list(user=request.user), slug=slug)
    if not roles.can_act_for_department(request.user, dataset.department_id):
        raise PermissionDenied
    form = MarkUpdatedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.dataset_mark_updated(
            dataset=dataset, by=request.user, note=form.cleaned_data["note"], link=form.cleaned_data["link"]
        )
        messages.success(
            request,
            f"Позначено оновленим: «{dataset.title}». Наступний термін: "
            f"{dataset.next_due_date.strftime('%d.%m.%Y') if dataset.next_due_date else '—'}.",
        )
        target = request.POST.get("next") or ""
        if target == "my":
            return redirect("registry:my-datasets")
        return redirect(reverse("registry:dataset-detail", args=[dataset.slug]))
    return render(request, "registry/mark_updated.html", {"dataset": dataset, "form": form})


def _catalog(request, serialisation, url_name=None):
    try:
        document = catalog_document(serialisation=serialisation, page=request.GET.get("page"), url_name=url_name)
    except PageNotFound:
        return HttpResponseNotFound(_("Такої сторінки каталогу немає."), content_type="text/plain; charset=utf-8")
    response = HttpResponse(document.body, content_type=document.content_type)
    if url_name:
        patch_vary_headers(response, ["Accept"])
    return response


@require_safe
def catalog(request):
    """The catalogue's own IRI: Turtle, JSON-LD or RDF/XML by the Accept header; a browser
    (HTML) is sent to the registry page."""
    preferred = request.get_preferred_type(["text/html", *MEDIA_TYPES])
    if preferred is None:
        response = HttpResponse(
            _("Каталог доступний як text/html, text/turtle, application/ld+json або application/rdf+xml."),
            status=406,
            content_type="text/plain; charset=utf-8",
        )
    elif preferred == "text/html":
        response = HttpResponseRedirect(reverse("registry:dataset-list"), status=303)
    else:
        response = NEGOTIATED[MEDIA_TYPES[preferred]](request)
    patch_vary_headers(response, ["Accept"])
    return response


# The catalogue IRI's three serialisations, each built once per data change (catalog_cache.py).
@cached_catalog
def catalog_negotiated_ttl(request):
    return _catalog(request, "turtle", url_name="registry:catalog")


@cached_catalog
def catalog_negotiated_jsonld(request):
    return _catalog(request, "json-ld", url_name="registry:catalog")


@cached_catalog
def catalog_negotiated_rdf(request):
    return _catalog(request, "rdf-xml", url_name="registry:catalog")


NEGOTIATED = {"turtle": catalog_negotiated_ttl, "json-ld": catalog_negotiated_jsonld, "rdf-xml": catalog_negotiated_rdf}


@require_safe
@cached_catalog
def catalog_jsonld(request):
    return _catalog(request, "json-ld")


@require_safe
@cached_catalog
def catalog_ttl(request):
    return _catalog(request, "turtle")


@require_safe
@cached_catalog
def catalog_rdf(request):
    return _catalog(request, "rdf-xml")
