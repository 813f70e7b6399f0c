"""Controlled vocabularies the DCAT-AP catalogue links to: EU authority tables, IANA media
types, ADMS licence and publisher types. Pure lookups, no ORM, no rdflib graphs.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
EU_FILE_TYPE = EU_AUTHORITY + "file-type/"
EU_LANGUAGE = EU_AUTHORITY + "language/"
EU_DATA_THEME_SCHEME = EU_AUTHORITY + "data-theme"
EU_AVAILABILITY = EU_AUTHORITY + "planned-availability/"
IANA_MEDIA_TYPE = "http://www.iana.org/assignments/media-types/"
ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype/"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"

LANGUAGES = {"uk": "UKR", "en": "ENG", "ru": "RUS", "pl": "POL", "de": "DEU"}

# Licence ids as the registry and CKAN write them -> (IRI, ADMS licence types).
_CC_BY = ("http://creativecommons.org/licenses/by/4.0/", ("Attribution",))
_CC_BY_SA = ("http://creativecommons.org/licenses/by-sa/4.0/", ("Attribution", "ShareAlike"))
_CC0 = ("http://creativecommons.org/publicdomain/zero/1.0/", ("PublicDomain",))
LICENSES = {
    "cc-by-4.0": _CC_BY,
    "cc-by": _CC_BY,
    "cc-by-sa-4.0": _CC_BY_SA,
    "cc-by-sa": _CC_BY_SA,
    "cc0-1.0": _CC0,
    "cc0": _CC0,
    "cc-zero": _CC0,
    "odc-by": ("http://opendatacommons.org/licenses/by/1-0/", ("Attribution",)),
    "odc-odbl": ("http://opendatacommons.org/licenses/odbl/1-0/", ("Attribution", "ShareAlike")),
    "odc-pddl": ("http://opendatacommons.org/licenses/pddl/1-0/", ("PublicDomain",)),
}
LICENCE_TYPE_LABELS = {"Attribution": "Attribution", "ShareAlike": "Share Alike", "PublicDomain": "Public domain"}
_LICENSE_TYPES_BY_IRI = dict(LICENSES.values())

# Format names as the registry writes them -> (EU file-type code, IANA media type or None).
FORMATS = {
    "CSV": ("CSV", "text/csv"),
    "TSV": ("TSV", "text/tab-separated-values"),
    "JSON": ("JSON", "application/json"),
    "GEOJSON": ("GEOJSON", "application/geo+json"),
    "JSON-LD": ("JSON_LD", "application/ld+json"),
    "JSONLD": ("JSON_LD", "application/ld+json"),
    "XML": ("XML", "application/xml"),
    "RDF": ("RDF_XML", "application/rdf+xml"),
    "TTL": ("RDF_TURTLE", "text/turtle"),
    "TURTLE": ("RDF_TURTLE", "text/turtle"),
    "XLSX": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "XLS": ("XLS", "application/vnd.ms-excel"),
    "ODS": ("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    "PDF": ("PDF", "application/pdf"),
    "DOC": ("DOC", "application/msword"),
    "DOCX": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "ODT": ("ODT", "application/vnd.oasis.opendocument.text"),
    "KML": ("KML", "application/vnd.google-earth.kml+xml"),
    "ZIP": ("ZIP", "application/zip"),
    "TXT": ("TXT", "text/plain"),
    "HTML": ("HTML", "text/html"),
    "GPKG": ("GPKG", "application/geopackage+sqlite3"),
    "SHP": ("SHP", None),
    "GML": ("GML", "application/gml+xml"),
    "YAML": ("YAML", None),
}
# File name endings that make a link a download of that format.
EXTENSIONS = {
    ".csv": "CSV", ".tsv": "TSV", ".json": "JSON", ".geojson": "GEOJSON", ".jsonld": "JSON-LD",
    ".xml": "XML", ".rdf": "RDF", ".ttl": "TTL", ".xlsx": "XLSX", ".xls": "XLS", ".ods": "ODS",
    ".pdf": "PDF", ".doc": "DOC", ".docx": "DOCX", ".odt": "ODT", ".kml": "KML", ".zip": "ZIP",
    ".txt": "TXT", ".gpkg": "GPKG", ".gml": "GML", ".yaml": "YAML", ".yml": "YAML",
}  # fmt: skip


def license_iri(license_id: str) -> str | None:
    text = (license_id or "").strip()
    if text.startswith(("http://", "https://")):
        return text
    known = LICENSES.get(text.lower())
    return known[0] if known else None


def license_types(iri: str) -> tuple[str, ...]:
    """ADMS licence-type IRIs of a known licence (empty for a licence we cannot classify)."""
    normalised = iri if iri.endswith("/") else iri + "/"
    return tuple(ADMS_LICENCE_TYPE + t for t in _LICENSE_TYPES_BY_IRI.get(normalised.replace("https:", "http:"), ()))


def file_type_iri(fmt: str) -> str | None:
    known = FORMATS.get((fmt or "").upper())
    return EU_FILE_TYPE + known[0] if known else None


def media_type_iri(fmt: str) -> str | None:
    known = FORMATS.get((fmt or "").upper())
    return IANA_MEDIA_TYPE + known[1] if known and known[1] else None


def language_iri(code: str) -> str | None:
    known = LANGUAGES.get((code or "uk").strip().lower()[:2])
    return EU_LANGUAGE + known if known else None


def download_format(url: str) -> str | None:
    """The format of a link that points at a file (by its name's ending), else None."""
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return EXTENSIONS.get(suffix)
