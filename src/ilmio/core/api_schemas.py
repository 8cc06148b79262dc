"""Schemas shared by several apps' API routers (one name, one OpenAPI component)."""

from __future__ import annotations

from ninja import Field, Schema


class Labels(Schema):
    fi: str
    sv: str
    en: str


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = Field(default_factory=list)


# Every authenticated operation may answer: 400 unparsable body, 401 no credentials,
# 403 no access, 422 invalid input (the API's own error handlers in ilmio.api.urls).
ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut}
