"""CKAN action API (read only), so that ckanapi, CKAN's harvester and data.gov.ua read the registry.

Modules: ``envelope`` (responses and errors), ``params`` (request data), ``dicts`` (package,
resource and organization dicts as CKAN 2.10 returns them), ``query`` (Solr-style q/fq),
``search`` (package_search on the database), ``actions`` (the actions), ``views`` (the URLs).
Only published datasets are shown; personal data (the responsible person) never.
"""
