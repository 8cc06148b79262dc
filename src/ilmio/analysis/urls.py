from django.urls import path

from ilmio.analysis import views

app_name = "analysis"
urlpatterns = [
    path("", views.triage_queue, name="queue"),
    path("bulk/", views.bulk_status, name="bulk_status"),
    path("filters/", views.queue_filters, name="queue_filters"),
    path("reports/<uuid:public_id>/", views.triage_report, name="report"),
    path("cases/", views.case_list, name="cases"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/export.qdpx", views.case_export, name="case_export"),
    path("codebook/", views.codebook, name="codebook"),
    path("codebook/export.<str:fmt>", views.codebook_export, name="codebook_export"),
    path("codebook/import/", views.codebook_import, name="codebook_import"),
    path("signals/review/", views.review_signal, name="review_signal"),
    path("signals/case/", views.signal_case, name="signal_case"),
]
