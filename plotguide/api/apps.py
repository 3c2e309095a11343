from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "plotguide.api"
    label = "api"
    verbose_name = "JSON API"
