"""Licences as CKAN's ``license_list`` describes them: CKAN's default ids and the SPDX ids the registry uses."""

from __future__ import annotations

from ..quality import is_open_license

# id -> (title, url)
KNOWN = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution Share-Alike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": ("Creative Commons CCZero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "cc-by": ("Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by"),
    "cc-by-sa": ("Creative Commons Attribution Share-Alike", "http://www.opendefinition.org/licenses/cc-by-sa"),
    "cc-zero": ("Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero"),
    "cc-nc": ("Creative Commons Non-Commercial (Any)", "http://creativecommons.org/licenses/by-nc/2.0/"),
    "odc-by": ("Open Data Commons Attribution License", "http://www.opendefinition.org/licenses/odc-by"),
    "odc-odbl": ("Open Data Commons Open Database License (ODbL)", "http://www.opendefinition.org/licenses/odc-odbl"),
    "odc-pddl": (
        "Open Data Commons Public Domain Dedication and License (PDDL)",
        "http://www.opendefinition.org/licenses/odc-pddl",
    ),
    "other-open": ("Other (Open)", ""),
    "other-pd": ("Other (Public Domain)", ""),
    "other-at": ("Other (Attribution)", ""),
    "other-nc": ("Other (Non-Commercial)", ""),
    "other-closed": ("Other (Not Open)", ""),
    "notspecified": ("License not specified", ""),
}
_BY_KEY = {key.casefold(): key for key in KNOWN}


def license_dict(license_id: str) -> dict:
    key = _BY_KEY.get((license_id or "").casefold())
    title, url = KNOWN[key] if key else (license_id, "")
    open_ = is_open_license(license_id)
    return {
        "id": key or license_id,
        "title": title,
        "url": url,
        "status": "active",
        "maintainer": "",
        "family": "",
        "domain_content": False,
        "domain_data": open_,
        "domain_software": False,
        "is_generic": not url,
        "od_conformance": "approved" if open_ else "not reviewed",
        "osd_conformance": "not reviewed",
    }


def license_list(used: list[str]) -> list[dict]:
    """Every known licence, then those the registry uses that the table does not know."""
    unknown = sorted({u for u in used if u and u.casefold() not in _BY_KEY})
    return [license_dict(key) for key in KNOWN] + [license_dict(u) for u in unknown]
