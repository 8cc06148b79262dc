"""The JSON API (django-ninja): one OpenAPI schema for every app's router."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import path
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, django_auth

from ilmio.accounts.services import user_for_token
from ilmio.core.permissions import PUBLIC, requires


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        # A read-only token authenticates reads only (its scope is checked on every write).
        user = user_for_token(token, write=request.method not in ("GET", "HEAD", "OPTIONS"))
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Ilmiö API",
    version="1",
    description="Social reports, notifications of shortcomings, other knowledge sources, plans, taxonomy and geography of Ilmiö. Authenticate with a bearer token "
    "(`ilmio token create`) or a logged-in session.",
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
    # The interactive docs page loads Swagger UI from a CDN; Ilmiö serves no third-party
    # assets, so only the schema itself is published.
    docs_url=None,
)


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: Exception) -> Any:
    return api.create_response(request, {"detail": "Authentication required."}, status=401)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> Any:
    errors = [
        {"field": ".".join(str(p) for p in e.get("loc", []) if p not in ("body", "payload")), "message": str(e.get("msg", ""))}
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=422)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> Any:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


from ilmio.areas.api import router as areas_router  # noqa: E402
from ilmio.federation.api import router as federation_router  # noqa: E402
from ilmio.gdpr.api import router as gdpr_router  # noqa: E402
from ilmio.participation.api import router as participation_router  # noqa: E402
from ilmio.plans.api import router as plans_router  # noqa: E402
from ilmio.reports.api import router as reports_router  # noqa: E402
from ilmio.shortcomings.api import router as shortcomings_router  # noqa: E402
from ilmio.sources.api import router as sources_router  # noqa: E402
from ilmio.taxonomy.api import router as taxonomy_router  # noqa: E402

api.add_router("/v1/", taxonomy_router)
api.add_router("/v1/", areas_router)
api.add_router("/v1/", reports_router)
api.add_router("/v1/", plans_router)
api.add_router("/v1/", shortcomings_router)
api.add_router("/v1/", sources_router)
api.add_router("/v1/", participation_router)
api.add_router("/v1/", federation_router)
api.add_router("/v1/", gdpr_router)

urlpatterns = [path("", api.urls)]

# The routers a national instance serves (decision 0041): the picture and what describes it.
NATIONAL_ROUTES = ("federation", "taxonomy", "areas")


@requires(PUBLIC)  # as a county instance's schema: it describes, it holds no data
def national_openapi(request: HttpRequest) -> JsonResponse:
    """The schema of a national instance: only the paths it serves, only the schemas they use."""
    schema = api.get_openapi_schema(path_prefix="/api/")
    prefixes = tuple(f"/api/v1/{route}" for route in NATIONAL_ROUTES)
    paths = {url: item for url, item in schema["paths"].items() if url.startswith(prefixes)}
    components = schema.get("components", {})
    every = components.get("schemas", {})
    used: set[str] = set()
    pending = [paths]
    while pending:  # the schemas the kept paths refer to, and the ones those refer to
        for ref in _refs(pending.pop()):
            if ref not in used and ref in every:
                used.add(ref)
                pending.append(every[ref])
    info = {**schema["info"], "description": "The national picture of Ilmiö: the counties' federation packages and "
            "the combined picture, with the taxonomy and geography they use. Authenticate with a bearer token or a session."}
    kept = {**schema, "info": info, "paths": paths, "components": {**components, "schemas": {k: every[k] for k in sorted(used)}}}
    return JsonResponse(kept, json_dumps_params={"ensure_ascii": False})


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node))
    return set()
