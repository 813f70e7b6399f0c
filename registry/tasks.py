"""Celery tasks of the registry: thin, idempotent, calling services."""

from celery import shared_task

from .services import datasets_refresh_quality


@shared_task
def refresh_quality() -> int:
    """Daily: overdue datasets lose the "up to date" points of their stored quality score."""
    return datasets_refresh_quality()


@shared_task
def registry_import_job(job_id: int) -> None:
    """Check or import an uploaded registry file (a RegistryImportJob); a finished job is left alone."""
    from .import_jobs import import_job_run

    import_job_run(job_id=job_id)


@shared_task
def build_catalog(view_name: str, url: str) -> bool:
    """Build the DCAT catalogue document a request for ``url`` asked for (see catalog_cache.py)."""
    from . import views  # noqa: F401 - registers the catalogue views
    from .catalog_cache import catalog_build

    return catalog_build(view_name=view_name, url=url)
