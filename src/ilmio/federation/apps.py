from django.apps import AppConfig


class FederationConfig(AppConfig):
    name = "ilmio.federation"
    label = "federation"
    verbose_name = "Federation of county instances"
