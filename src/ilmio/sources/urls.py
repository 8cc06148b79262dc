from __future__ import annotations

from django.urls import path

from ilmio.sources import views

app_name = "sources"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/file", views.document_file, name="file"),
    path("feedback/", views.feedback_page, name="feedback"),
    path("feedback/import/", views.feedback_import, name="feedback_import"),
    path("feedback/import/<int:pk>/", views.feedback_import_run, name="feedback_import_run"),
    path("feedback/import/<int:pk>/status/", views.feedback_import_status, name="feedback_import_status"),
]
