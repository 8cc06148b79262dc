from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ilmio.core"
    label = "core"
    verbose_name = "Ilmiö core"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from ilmio.core.audit import on_user_logged_in, on_user_login_failed

        user_logged_in.connect(on_user_logged_in, dispatch_uid="ilmio.audit.login")
        user_login_failed.connect(on_user_login_failed, dispatch_uid="ilmio.audit.login_failed")
