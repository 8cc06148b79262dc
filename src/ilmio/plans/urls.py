from django.urls import path

from ilmio.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/changes/", views.plan_diff, name="diff"),
    path("<int:pk>/term/", views.term_trends, name="term"),
    path("years/<int:pk>/", views.year_detail, name="year"),
    path("monitoring/<int:pk>/", views.report_detail, name="report"),
    path("monitoring/<int:pk>/export.<str:fmt>", views.report_export, name="report_export"),
    path("public/<str:county_code>/", views.public_reports, name="public_reports"),
    path("public/monitoring/<int:pk>/", views.public_report, name="public_report"),
    path("public/monitoring/<int:pk>/export.<str:fmt>", views.public_report_export, name="public_report_export"),
]
