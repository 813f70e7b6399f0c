from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Спільне"

    def ready(self):
        from . import collation

        collation.register_sqlite_collation()
