from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "plotguide.site"
    label = "site"
    verbose_name = "Reader site"
