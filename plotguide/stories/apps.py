from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "plotguide.stories"
    label = "stories"
    verbose_name = "Stories"

    def ready(self) -> None:
        from plotguide.stories import (  # noqa: F401  (registers and connects them)
            checks,
            receivers,
        )
