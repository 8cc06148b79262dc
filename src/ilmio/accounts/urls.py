from __future__ import annotations

from django.urls import path

from ilmio.accounts import admin_views as views

app_name = "county_admin"

urlpatterns = [
    path("", views.users, name="users"),
    path("invite/", views.invite, name="invite"),
    path("users/<int:pk>/", views.user_detail, name="user"),
    path("tokens/", views.tokens, name="tokens"),
    path("organisations/", views.organisations, name="organisations"),
    path("settings/", views.county_settings, name="settings"),
    path("set-password/<str:uidb64>/<str:token>/", views.set_password, name="set_password"),
]
