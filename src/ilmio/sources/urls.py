from __future__ import annotations

from django.urls import path

from ilmio.sources import views

app_name = "sources"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/file", views.document_file, name="file"),
]
