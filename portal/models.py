"""Site-wide state of the portal."""

from django.db import models


class DemoDataMarker(models.Model):
    """Present while demonstration data is loaded: `manage.py load_demo` writes it; deleting the row
    in the admin removes the public notice."""

    loaded_at = models.DateTimeField("завантажено", auto_now=True)
    note = models.CharField("примітка", max_length=255, blank=True)

    class Meta:
        verbose_name = "позначка демонстраційних даних"
        verbose_name_plural = "позначка демонстраційних даних"
