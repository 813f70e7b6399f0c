from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Зворотний зв’язок"

    def ready(self):
        from django.template.loader import render_to_string

        from registry.page_sections import register_dataset_section

        from .selectors import requests_answered_by

        def requests_section(request, dataset):
            context = {"requests": list(requests_answered_by(dataset)), "dataset": dataset}
            return render_to_string("feedback/_requests_for_dataset.html", context, request=request)

        register_dataset_section(requests_section)
