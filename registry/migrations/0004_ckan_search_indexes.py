"""Indexes for the CKAN API's package_search on PostgreSQL (other databases: nothing to do).

The expressions are exactly those of registry/ckan/search.py (full text, tag and format
lists) and registry/ckan/dicts.py (metadata_modified), so the planner uses them. Written as SQL, not in
the model's Meta, because GIN and these expressions exist only on PostgreSQL.
"""

from django.db import migrations

INDEXES = {
    "dataset_ckan_document": "USING gin (to_tsvector('simple'::regconfig, COALESCE(title, '') || ' ' || "
    "COALESCE(description, '') || ' ' || COALESCE(keywords, '')))",
    "dataset_ckan_title": "USING gin (to_tsvector('simple'::regconfig, COALESCE(title, '')))",
    "dataset_ckan_modified": "(GREATEST(updated_at, COALESCE(last_updated_at, updated_at)))",
    "dataset_ckan_tags": "USING gin (regexp_split_to_array(lower(btrim(keywords)), '\\s*,\\s*'))",
    "dataset_ckan_formats": "USING gin (regexp_split_to_array(ltrim(upper(btrim(formats)), '.'), "
    "'[,;/[:space:]]+\\.*'))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON registry_dataset {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_registry_import_job")]

    operations = [migrations.RunPython(create, drop)]
