from __future__ import annotations

from django.urls import path

from ilmio.federation import views

app_name = "federation"

urlpatterns = [
    path("", views.national, name="national"),
    path("export.<str:fmt>", views.national_export, name="national_export"),
    path("packages/", views.packages, name="packages"),
]
