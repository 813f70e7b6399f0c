from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from .. import selectors
from .serializers import QuarterlyReportSerializer


class QuarterlyReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Quarterly reports on the action plan (read only): every version, with its PDF's download URL
    and the headline figures of its quarter as printed in the PDF."""

    permission_classes = [AllowAny]
    serializer_class = QuarterlyReportSerializer

    def get_queryset(self):
        return selectors.report_list()
