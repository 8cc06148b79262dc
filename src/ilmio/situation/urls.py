from django.urls import path

from ilmio.situation import views

app_name = "situation"
urlpatterns = [
    path("", views.situation, name="situation"),
    path("brief/<slug:code>/", views.phenomenon_brief, name="brief"),
]
