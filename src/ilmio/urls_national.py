"""The URL configuration of a national instance (``ILMIO_INSTANCE=national``, decision 0041).

No intake and no county work: the front page, sign-in, the national picture, the county
packages and the parts of the API that describe the picture (federation, taxonomy, areas).
A county page is not hidden here but absent, so no forgotten link or guessed URL reaches it."""

from __future__ import annotations

from django.urls import include, path, re_path

from ilmio import urls_shared as shared
from ilmio.api.urls import NATIONAL_ROUTES, national_openapi
from ilmio.federation import views as federation_views

urlpatterns = [
    path("", federation_views.national_home, name="home"),
    *shared.urlpatterns,
    path("federation/", include("ilmio.federation.urls")),
    # The one API, entered only where it speaks of the picture: the lookahead keeps the
    # prefix unconsumed, so the API's own patterns match as in a county instance. Its schema
    # lists only those paths.
    path("api/openapi.json", national_openapi, name="national_openapi"),
    re_path(rf"^api/(?=v1/(?:{'|'.join(NATIONAL_ROUTES)})(?:/|$))", include("ilmio.api.urls")),
]

handler400 = "ilmio.core.views.bad_request"
handler403 = "ilmio.core.views.permission_denied"
handler404 = "ilmio.core.views.page_not_found"
handler500 = "ilmio.core.views.server_error"
