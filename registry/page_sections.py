"""Sections that other apps add to the dataset page.

The registry must not import the apps built on top of it (feedback, audit), yet its dataset
page should show, say, the public requests a dataset answers. Those apps register a renderer
here in their AppConfig.ready(); the registry only calls what was registered.
"""

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

DatasetSection = Callable[[object, object], str]  # (request, dataset) -> rendered HTML
_sections: list[DatasetSection] = []


def register_dataset_section(render: DatasetSection) -> None:
    if render not in _sections:
        _sections.append(render)


def render_dataset_sections(request, dataset) -> SafeString:
    return mark_safe("".join(render(request, dataset) for render in _sections))  # noqa: S308 - templates' output
