from django import template

from feedback.selectors import requests_answered_by

register = template.Library()


@register.inclusion_tag("feedback/_requests_for_dataset.html")
def requests_for_dataset(dataset):
    """{% load feedback_tags %}{% requests_for_dataset dataset %}: published requests this dataset fulfils."""
    return {"requests": list(requests_answered_by(dataset)), "dataset": dataset}
