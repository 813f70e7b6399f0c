from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Спільне"

    def ready(self):
        from . import cache, checks, collation  # noqa: F401 - checks registers itself

        collation.register_sqlite_collation()
        # Any change to public data makes cached public pages stale (see common/cache.py).
        cache.connect_public_data_signals()
