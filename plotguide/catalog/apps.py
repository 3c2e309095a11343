from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "plotguide.catalog"
    label = "catalog"
    verbose_name = "Catalogue"
