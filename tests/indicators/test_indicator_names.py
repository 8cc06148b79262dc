"""Every indicator a reader sees is named in their language."""

from __future__ import annotations

import pytest
from django.utils import translation

from ilmio.indicators.models import Indicator
from ilmio.indicators.statistics import import_register_values
from ilmio.stats.register import IndicatorValue as RegisterValue
from ilmio.stats.register import indicators

pytestmark = pytest.mark.django_db


def test_register_indicators_have_three_names():
    for definition in indicators():
        assert definition.title_fi and definition.title_sv and definition.title_en, definition.code
        assert definition.title_sv not in (definition.title_fi, definition.title_en), definition.code


def test_imported_register_indicators_speak_swedish(reference_data):
    definition = indicators()[0]
    import_register_values([RegisterValue(definition.code, "county", "15", "2025", 120)])
    stored = Indicator.objects.get(code=f"register:{definition.code}")
    with translation.override("sv"):
        assert stored.title == definition.title_sv
