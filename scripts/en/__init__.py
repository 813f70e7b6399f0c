"""English translations of the interface, one module per app (scripts/en/<app>.py, each with EN = {...})."""

import importlib
import pkgutil

EN: dict[str, str] = {}
for _module in pkgutil.iter_modules(__path__):
    EN.update(importlib.import_module(f"{__name__}.{_module.name}").EN)
