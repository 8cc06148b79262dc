from django.urls import path

from ilmio.gdpr import views

app_name = "gdpr"
urlpatterns = [
    path("reports/<uuid:public_id>/", views.correct_report, name="correct_report"),
]
