"""Every redacted text field of every model is either a copy that the corrections walk
(``ilmio.gdpr.correction.COPIES``) or declared as text its writer typed themselves: a new
model holding words of a report cannot be forgotten by a correction."""

from __future__ import annotations

import pytest
from django.apps import apps

from ilmio.core.fields import RedactedCharField, RedactedTextField
from ilmio.gdpr.correction import COPIES, OWN_TEXT, OWN_TEXT_APPS
from tests.knowledge.helpers import file

pytestmark = pytest.mark.django_db


def redacted_fields() -> set[str]:
    return {f"{model._meta.label}.{field.name}" for model in apps.get_models() for field in model._meta.concrete_fields
            if isinstance(field, RedactedCharField | RedactedTextField)}  # fmt: skip


def test_every_redacted_field_is_a_copy_or_declared_own_text(reference_data):
    report = file()
    walked = {f"{copy.rows(report).model._meta.label}.{name}" for copy in COPIES for name in copy.fields}
    own_apps = {label for label in redacted_fields() if label.split(".")[0] in OWN_TEXT_APPS}
    assert walked <= redacted_fields(), walked - redacted_fields()  # every listed field exists and is redacted
    assert redacted_fields() >= OWN_TEXT, OWN_TEXT - redacted_fields()
    assert not walked & OWN_TEXT, "a field is either a copy or own text"
    unaccounted = redacted_fields() - walked - OWN_TEXT - own_apps
    assert not unaccounted, f"redacted fields no correction reaches: {sorted(unaccounted)}"
    assert {"reports.Report.description", "knowledge.Quote.text", "analysis.CodedPassage.snippet",
            "knowledge.Statement.text"} <= walked  # fmt: skip
