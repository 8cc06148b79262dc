"""The pages every instance has, county or national: about, health, language and sign-in."""

from __future__ import annotations

from django.urls import path

from ilmio.accounts import views as account_views
from ilmio.core import views as core_views

urlpatterns = [
    path("about/", core_views.about, name="about"),
    path("health/", core_views.health, name="health"),
    path("i18n/setlang/", account_views.change_language, name="set_language"),
    path("accounts/login/", account_views.login, name="login"),
    path("accounts/logout/", account_views.logout, name="logout"),
    path("accounts/second-factor/", account_views.second_factor, name="second_factor"),
    path("accounts/sso/", account_views.sso_start, name="sso_start"),
    path("accounts/sso/callback/", account_views.sso_callback, name="sso_callback"),
]
