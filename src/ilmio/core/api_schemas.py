"""Schemas shared by several apps' API routers (one name, one OpenAPI component)."""

from __future__ import annotations

from ninja import Schema


class Labels(Schema):
    fi: str
    sv: str
    en: str
