from django.apps import AppConfig


class SituationConfig(AppConfig):
    name = "ilmio.situation"
    label = "situation"
    verbose_name = "Tilannekuva / Lägesbild / Situational picture"
