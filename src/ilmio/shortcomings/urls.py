from __future__ import annotations

from django.urls import path

from ilmio.shortcomings import views

app_name = "shortcomings"

urlpatterns = [
    path("new/", views.new_shortcoming, name="new"),
    path("mine/", views.my_shortcomings, name="mine"),
    path("", views.workbench, name="workbench"),
    path("<int:pk>/", views.shortcoming_detail, name="detail"),
    path("<int:pk>/letter.<str:fmt>", views.letter, name="letter"),
    path("annual/<int:year>/", views.annual, name="annual"),
]
