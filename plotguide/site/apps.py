from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "plotguide.site"
    label = "site"
    verbose_name = "Reader site"

    def ready(self) -> None:
        from plotguide.site import checks, signals  # noqa: F401
