from django.apps import AppConfig


class AudienceConfig(AppConfig):
    name = "plotguide.audience"
    label = "audience"
    verbose_name = "Audience: summary requests and the app waitlist"

    def ready(self) -> None:
        from plotguide.audience import signals  # noqa: F401
