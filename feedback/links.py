"""Links to the registry's dataset pages, built without importing registry views."""

from django.urls import NoReverseMatch, reverse


def dataset_url(dataset) -> str:
    if dataset is None:
        return ""
    for kwargs in ({"slug": dataset.slug}, {"pk": dataset.pk}):
        try:
            return reverse("registry:dataset-detail", kwargs=kwargs)
        except NoReverseMatch:
            continue
    return f"/registry/{dataset.slug}/"
