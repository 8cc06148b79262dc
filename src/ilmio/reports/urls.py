from django.urls import path

from ilmio.reports import views

app_name = "reports"
urlpatterns = [
    path("new/", views.new_report, name="new"),
    path("public/", views.public_new_report, name="public_new"),
    path("public/thanks/", views.public_thanks, name="public_thanks"),
    path("mine/", views.my_reports, name="mine"),
    path("", views.report_list, name="list"),
    path("<uuid:public_id>/", views.report_detail, name="detail"),
]
