from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "plotguide.stories"
    label = "stories"
    verbose_name = "Stories"

    def ready(self) -> None:
        from plotguide.stories import receivers  # noqa: F401  (connects them)
