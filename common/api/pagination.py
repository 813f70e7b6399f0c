from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    """`page_size` from 1 up (more than `max_page_size` gives `max_page_size`); anything that is
    not a whole number from 1 (`null`, `true`, `0`, an empty value) is a 400, not silently the default."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        text = raw.strip()
        if not text.isdigit() or int(text) < 1:
            raise ValidationError(
                {self.page_size_query_param: [_("Кількість на сторінці має бути цілим числом від 1.")]}
            )
        return min(int(text), self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] in (self.page_query_param, self.page_size_query_param):
                parameter["schema"]["minimum"] = 1
        return parameters
