from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "plotguide.stories"
    label = "stories"
    verbose_name = "Stories"
