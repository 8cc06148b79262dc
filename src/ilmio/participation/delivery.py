"""The delivery of a workshop series to the national project (THL): its compiled result as a
DOCX or PDF for people and a JSON for machines, in Finnish or Swedish. One content model
(``delivery_content``) serves all three; the texts are the compilation's, already redacted,
and no person — facilitator, participant or registrant — is named in any of them."""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ilmio.core.formats import short_date
from ilmio.core.pdf import html_to_pdf
from ilmio.participation.models import WorksheetSection, WorkshopCompilation

DELIVERY_LANGUAGES = ("fi", "sv")
SCHEMA = "https://ilmio.fi/schemas/workshop-delivery/1"


@dataclass
class DeliveredItem:
    text: str
    worksheets: int
    sessions: int


@dataclass
class DeliverySection:
    code: str
    title: str
    items: list[DeliveredItem]


@dataclass
class Delivery:
    language: str
    title: str
    county: str
    county_code: str
    phenomenon: str
    phenomenon_code: str
    sessions: list[str]  # ISO dates (the JSON is for machines; the documents format them)
    session_count: int
    worksheet_count: int
    compiled_on: str
    sections: list[DeliverySection]


def delivery_content(compilation: WorkshopCompilation, language: str) -> Delivery:
    series = compilation.series
    code = language if language in DELIVERY_LANGUAGES else "fi"
    with translation.override(code):
        by_section: dict[str, list[DeliveredItem]] = {s: [] for s in WorksheetSection.values}
        for item in compilation.items.all():
            by_section[item.section].append(DeliveredItem(item.text, item.worksheets, item.sessions))
        held = series.sessions.filter(worksheets__isnull=False).distinct().order_by("starts_at")
        return Delivery(
            language=code, title=series.title, county=series.county.name, county_code=series.county.code,
            phenomenon=series.phenomenon.label, phenomenon_code=series.phenomenon.code,
            sessions=[timezone.localtime(s.starts_at).date().isoformat() for s in held], session_count=compilation.session_count,
            worksheet_count=compilation.worksheet_count,
            compiled_on=timezone.localtime(compilation.compiled_at).date().isoformat(),
            sections=[DeliverySection(s.value, str(s.label), by_section[s.value]) for s in WorksheetSection],
        )  # fmt: skip


def as_json(doc: Delivery) -> bytes:
    data: dict[str, Any] = {"$schema": SCHEMA, **asdict(doc)}
    data["sections"] = {s.code: [asdict(i) for i in s.items] for s in doc.sections}
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def as_docx(doc: Delivery) -> bytes:
    from docx import Document

    with translation.override(doc.language):
        document = Document()
        document.core_properties.language = doc.language
        document.core_properties.title = doc.title
        document.add_heading(doc.title, level=0)
        for line in _meta(doc):
            document.add_paragraph(line)
        for section in doc.sections:
            document.add_heading(section.title, level=1)
            if not section.items:
                document.add_paragraph(_("Nothing was written under this part."))
            for item in section.items:
                document.add_paragraph(f"{item.text} ({_mentions(item)})", style="List Bullet")
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def as_pdf(doc: Delivery) -> bytes:
    with translation.override(doc.language):
        html = render_to_string("participation/delivery_print.html", {"doc": doc, "meta": _meta(doc)})
    return html_to_pdf(html)


def _meta(doc: Delivery) -> list[str]:
    return [
        _("Phenomenon workshops of %(county)s on %(phenomenon)s.") % {"county": doc.county, "phenomenon": doc.phenomenon},
        _("Sessions: %(dates)s. Worksheets: %(sheets)s.") % {
            "dates": ", ".join(short_date(date.fromisoformat(d)) for d in doc.sessions), "sheets": doc.worksheet_count},
        _("Compiled on %(date)s. Identical lines from different worksheets are merged and counted.")
        % {"date": short_date(date.fromisoformat(doc.compiled_on))},
    ]  # fmt: skip


def _mentions(item: DeliveredItem) -> str:
    return ngettext("%(sheets)s worksheet, sessions: %(sessions)s", "%(sheets)s worksheets, sessions: %(sessions)s",
                    item.worksheets) % {"sheets": item.worksheets, "sessions": item.sessions}
