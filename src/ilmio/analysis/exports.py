"""Codebook as REFI-QDA (.qdc) and coded passages as rows for CSV/XLSX."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree as ET

from ilmio.analysis.models import Code, CodedPassage

QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0"
# Stable GUIDs per code, so re-exports of the same codebook keep their identities.
GUID_NAMESPACE = uuid.UUID("6f1b0b7e-4a3e-4c1e-9a51-1f2d3c4b5a69")


def code_guid(code: Code) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"ilmio-code-{code.pk}"))


def codebook_qdc(codes: Iterable[Code]) -> bytes:
    """REFI-QDA Codebook Exchange format: nested <Code> elements with descriptions."""
    codes = list(codes)
    ET.register_namespace("", QDC_NAMESPACE)
    root = ET.Element(f"{{{QDC_NAMESPACE}}}CodeBook", {"origin": "Ilmiö"})
    holder = ET.SubElement(root, f"{{{QDC_NAMESPACE}}}Codes")
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)

    def add(parent_element: ET.Element, code: Code) -> None:
        element = ET.SubElement(parent_element, f"{{{QDC_NAMESPACE}}}Code", {
            "guid": code_guid(code), "name": code.name, "isCodable": "true", "color": code.colour.upper()})  # fmt: skip
        if code.description:
            ET.SubElement(element, f"{{{QDC_NAMESPACE}}}Description").text = code.description
        for child in children.get(code.pk, []):
            add(element, child)

    for code in children.get(None, []):
        add(holder, code)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def passages_table(passages: Iterable[CodedPassage]) -> tuple[list[str], list[dict[str, Any]]]:
    columns = ["report", "code", "code_path", "start", "end", "snippet", "coded_at"]
    rows = [{"report": str(p.report.public_id), "code": p.code.name, "code_path": p.code.path, "start": p.start,
             "end": p.end, "snippet": p.snippet, "coded_at": p.created_at.isoformat()} for p in passages]  # fmt: skip
    return columns, rows
