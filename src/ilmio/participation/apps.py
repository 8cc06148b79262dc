from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "ilmio.participation"
    label = "participation"
