from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property

from common.collation import uk_order


class User(AbstractUser):
    """A person who signs in: coordinator, department head or council member.

    The role is a group (see accounts.roles); ``department`` is where a department head works.
    """

    patronymic = models.CharField("по батькові", max_length=150, blank=True)
    position = models.CharField("посада", max_length=255, blank=True)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name="підрозділ",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )

    class Meta:
        verbose_name = "користувач"
        verbose_name_plural = "користувачі"

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    def __str__(self):
        return self.get_full_name() or self.username


class DepartmentQuerySet(models.QuerySet):
    def alphabetical(self):
        return self.order_by(uk_order("name"))


class MatchKeyedName:
    """A ``name`` with its ``match_key`` (case, apostrophes, spaces normalised) kept on save, so
    imports match a written name against departments and their aliases alike."""

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from .departments import department_match_key

        self.match_key = department_match_key(self.name)
        super().save(*args, **kwargs)


class Department(MatchKeyedName, models.Model):
    """A structural unit of the council: steward of datasets, responsible for plan tasks."""

    name = models.CharField("назва", max_length=255, unique=True)
    short_name = models.CharField("скорочена назва", max_length=100, blank=True)
    email = models.EmailField("e-mail для сповіщень", blank=True)
    head = models.ForeignKey(
        User,
        verbose_name="керівник",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_departments",
    )
    # Normalised name (case, apostrophes, spaces) so that imports match existing departments.
    match_key = models.CharField(max_length=255, unique=True, editable=False)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = "підрозділ"
        verbose_name_plural = "підрозділи"
        ordering = ["name"]

    @property
    def label(self) -> str:
        return self.short_name or self.name


class DepartmentAlias(MatchKeyedName, models.Model):
    """Another name a department is known by (its name before a renaming, a common short form).

    Imports match a name against departments' names and these aliases alike (accounts.departments).
    """

    department = models.ForeignKey(
        Department, verbose_name="підрозділ", on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField("інша назва", max_length=255)
    match_key = models.CharField(max_length=255, unique=True, editable=False)

    class Meta:
        verbose_name = "інша назва підрозділу"
        verbose_name_plural = "інші назви підрозділів"
        ordering = ["name"]
