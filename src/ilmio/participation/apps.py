from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "ilmio.participation"
    label = "participation"

    def ready(self) -> None:
        from ilmio.knowledge.retention import register_rule
        from ilmio.participation.services import erase_past_registrations

        # Workshop sign-ups go the day after their session (unless the series keeps them).
        register_rule("workshop registrations", erase_past_registrations)
