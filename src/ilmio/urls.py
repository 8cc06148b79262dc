from __future__ import annotations

from django.urls import include, path

from ilmio.accounts import views as account_views
from ilmio.core import audit_views
from ilmio.core import views as core_views
from ilmio.situation import views as situation_views

urlpatterns = [
    path("", situation_views.home, name="home"),
    path("about/", core_views.about, name="about"),
    path("health/", core_views.health, name="health"),
    path("i18n/setlang/", account_views.change_language, name="set_language"),
    path("accounts/login/", account_views.login, name="login"),
    path("accounts/logout/", account_views.logout, name="logout"),
    path("accounts/second-factor/", account_views.second_factor, name="second_factor"),
    path("accounts/sso/", account_views.sso_start, name="sso_start"),
    path("accounts/sso/callback/", account_views.sso_callback, name="sso_callback"),
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
