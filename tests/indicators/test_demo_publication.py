"""On the demo: every complete period's totals shown, every published year proved safe,
and the planted rise visible to the public from published cells alone."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from ilmio.areas.models import Municipality
from ilmio.indicators import disclosure
from ilmio.indicators.aggregates import (
    ALL,
    Aggregates,
    Geography,
    complete_labels,
    report_cells,
    year_structure,
)
from ilmio.stats.suppression import Suppressed, audit
from ilmio_demo.world import EMERGING_PHENOMENON, build_demo

pytestmark = pytest.mark.django_db


def test_demo_publishes_every_total_safely(reference_data):
    build_demo(reports=900, with_loop=False, with_statistics=False)
    tables = {**Aggregates("month").tables, **Aggregates("quarter").tables, **Aggregates("year").tables}
    assert any(len(label) == 4 for label in tables), "a complete year is published"
    for label, table in tables.items():
        for level, code in (("country", "FI"), ("cooperation_area", "2"), ("county", "15")):
            assert not table.cell(level, code, ALL).suppressed, (label, level)
    geography, phenomena = Geography.load(), Aggregates("month").phenomena
    raw = report_cells("month")
    months = sorted(label for label in tables if len(label) == 7 and "Q" not in label)
    for year in sorted({int(label[:4]) for label in months}):
        labels = complete_labels(year, [m for m in months if m.startswith(f"{year}-")])
        values, constraints = year_structure({m: raw[m] for m in labels if m in raw}, geography, phenomena, labels)
        cells = {node: tables[node[3]].cells.get(node[:3]) or tables[node[3]].cell(*node[:3]) for node in values}
        published = Suppressed(cells, tuple(constraints), 5, distinguishable=False)
        assert audit(published) == [], year


def test_the_public_sees_the_planted_rise_from_published_cells(reference_data):
    build_demo(reports=900, with_loop=False, with_statistics=False)
    codes = list(Municipality.objects.filter(county__code="15").values_list("code", flat=True))
    signals = disclosure.emerging_signals(codes, [EMERGING_PHENOMENON, "asuminen"], user=AnonymousUser(),
                                          county_id=None)  # fmt: skip
    assert [(s.phenomenon, s.area_code, s.level) for s in signals] == [(EMERGING_PHENOMENON, "15", "county")]
    (signal,) = signals
    shown = [disclosure.published("month").cell(label, "county", "15", EMERGING_PHENOMENON).value
             for label in signal.months]  # fmt: skip
    assert signal.observed.value == sum(v or 0 for v in shown) and None not in shown
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/situation/?level=county&area=15").content.decode()
    assert "Emerging signals" in html and "Confirm" not in html
