from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "ilmio.taxonomy"
    label = "taxonomy"
