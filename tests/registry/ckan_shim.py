"""Test-only stand-in for the few `ckan` modules ckanext-dcat's parser imports.

ckanext-dcat (PyPI) installs without CKAN, but its modules import `ckan.plugins`,
`ckan.model.license`, `ckan.lib.helpers` ... at import time (through `ckantoolkit`). The
parser itself (``RDFParser.parse`` / ``datasets``) only reads the RDF graph; it needs a
config dict, ``asbool``/``aslist``, an empty licence register and an empty format registry.
``install()`` registers modules that provide exactly that, before ``ckanext.dcat`` is imported.
Nothing here is used outside tests.
"""

from __future__ import annotations

import sys
import types


class ObjectNotFound(Exception):
    pass


class ValidationError(Exception):
    pass


class Invalid(Exception):
    pass


class StopOnError(Exception):
    pass


def asbool(value) -> bool:
    return str(value).strip().lower() in {"true", "yes", "on", "y", "t", "1"}


def aslist(value, sep=None) -> list:
    if isinstance(value, list | tuple):
        return list(value)
    return str(value or "").split(sep)


def get_action(name):
    """As CKAN does for an action no plugin registers (here: every action)."""
    raise KeyError(f"Action '{name}' not found")


def url_for(*args, **kwargs):
    raise RuntimeError("url_for needs a CKAN app")


def _module(name: str, **attrs) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__path__ = []  # importable as a package
    module.__dict__.update(attrs)
    sys.modules[name] = module
    return module


def install(config: dict | None = None) -> None:
    if "ckan.plugins.toolkit" in sys.modules and getattr(sys.modules["ckan"], "_shim", False):
        return
    toolkit = _module(
        "ckan.plugins.toolkit",
        config=dict(config or {}),
        asbool=asbool,
        aslist=aslist,
        ObjectNotFound=ObjectNotFound,
        ValidationError=ValidationError,
        Invalid=Invalid,
        StopOnError=StopOnError,
        missing=object(),
        get_action=get_action,
        url_for=url_for,
        h=types.SimpleNamespace(),
        _=lambda text: text,
    )
    interfaces = _module("ckan.plugins.interfaces", Interface=type("Interface", (), {}))
    plugins = _module("ckan.plugins", toolkit=toolkit, interfaces=interfaces, PluginImplementations=lambda _i: [])
    ckan = _module("ckan", plugins=plugins, _shim=True)
    _module("ckan.exceptions", HelperError=type("HelperError", (Exception,), {}))
    license_module = _module("ckan.model.license", LicenseRegister=dict)
    ckan.model = _module("ckan.model", license=license_module)
    lib = _module("ckan.lib")
    lib.helpers = _module("ckan.lib.helpers", resource_formats=dict)
    lib.munge = _module("ckan.lib.munge", munge_tag=lambda tag: tag)
    ckan.lib = lib
    views = _module("ckan.views")
    views.home = _module("ckan.views.home", index=lambda: None)
    views.dataset = _module("ckan.views.dataset", read=lambda *a, **k: None)
    ckan.views = views
