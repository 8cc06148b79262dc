"""Issue 20: the code pickers (coding a passage, choosing a parent) list the codebook as a
tree — each parent code followed by its children, indented — not flat by name."""

from __future__ import annotations

import pytest

from ilmio.analysis import services
from ilmio.analysis.forms import CodeForm, PassageForm
from ilmio.areas.models import County

pytestmark = pytest.mark.django_db


def test_children_follow_their_parent_indented(reference_data):  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    housing = services.create_code(county=county, name="Asuminen")
    services.create_code(county=county, name="Toimeentulo")
    arrears = services.create_code(county=county, name="Vuokrarästit", parent=housing)
    services.create_code(county=county, name="Häätö", parent=arrears)
    services.create_code(county=County.objects.get(code="13"), name="Muu maakunta")
    for form in (PassageForm(county=county), CodeForm(county=county)):
        name = "code" if isinstance(form, PassageForm) else "parent"
        labels = [str(label) for value, label in form.fields[name].choices if value != ""]
        assert labels == ["Asuminen", "\u00a0\u00a0↳ Vuokrarästit", "\u00a0\u00a0\u00a0\u00a0↳ Häätö", "Toimeentulo"]


def test_a_code_of_another_county_is_still_refused(reference_data):  # type: ignore[no-untyped-def]
    other = services.create_code(county=County.objects.get(code="13"), name="Muu")
    form = PassageForm({"code": other.pk, "start": 0, "end": 4}, county=County.objects.get(code="15"))
    assert not form.is_valid() and "code" in form.errors
