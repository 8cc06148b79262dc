from django.urls import path

from ilmio.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.situation, name="situation"),
    path("brief/<slug:code>/", views.phenomenon_brief, name="brief"),
]
