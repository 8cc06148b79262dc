from __future__ import annotations

from django.urls import include, path

from ilmio import urls_shared as shared
from ilmio.core import audit_views
from ilmio.situation import views as situation_views

urlpatterns = [
    path("", situation_views.home, name="home"),
    *shared.urlpatterns,
    path("audit/", audit_views.audit_log, name="audit_log"),
    path("audit/export.<str:fmt>", audit_views.audit_export, name="audit_export"),
    path("reports/", include("ilmio.reports.urls")),
    path("situation/", include("ilmio.situation.urls")),
    path("triage/", include("ilmio.analysis.urls")),
    path("shortcomings/", include("ilmio.shortcomings.urls")),
    path("sources/", include("ilmio.sources.urls")),
    path("knowledge/", include("ilmio.knowledge.urls")),
    path("plans/", include("ilmio.plans.urls")),
    path("participation/", include("ilmio.participation.urls")),
    path("federation/", include("ilmio.federation.urls")),
    path("corrections/", include("ilmio.gdpr.urls")),
    path("api/", include("ilmio.api.urls")),
    path("admin/county/", include("ilmio.accounts.urls")),
]

handler400 = "ilmio.core.views.bad_request"
handler403 = "ilmio.core.views.permission_denied"
handler404 = "ilmio.core.views.page_not_found"
handler500 = "ilmio.core.views.server_error"
