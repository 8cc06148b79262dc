from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ilmio.accounts"
    label = "accounts"
