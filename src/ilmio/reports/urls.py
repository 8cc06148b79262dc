from django.urls import path

from ilmio.reports import import_views, views

app_name = "reports"
urlpatterns = [
    path("new/", views.new_report, name="new"),
    path("public/", views.public_new_report, name="public_new"),
    path("public/thanks/", views.public_thanks, name="public_thanks"),
    path("mine/", views.my_reports, name="mine"),
    path("consent/<str:token>/", views.withdraw_consent, name="withdraw_consent"),
    path("", views.report_list, name="list"),
    path("import/", import_views.import_page, name="import"),
    path("import/<int:pk>/", import_views.import_run, name="import_run"),
    path("import/<int:pk>/status/", import_views.import_status, name="import_status"),
    path("<uuid:public_id>/", views.report_detail, name="detail"),
]
