"""Actions: progress rolls up from sub-actions to their parent, the action file round-trips
through CSV (export, then import updates in place), and bad files are refused."""

from __future__ import annotations

import pytest

from ilmio.areas.models import County
from ilmio.knowledge import services
from ilmio.knowledge.action_files import export_rows, import_rows, read_upload
from ilmio.knowledge.models import Action

pytestmark = pytest.mark.django_db


def test_action_progress_rolls_up_and_csv_round_trips(reference_data):
    county = County.objects.get(code="15")
    parent = services.create_action(county=county, title="Asumisen ohjelma", owner="Johto", reference="P1")
    first = services.create_action(county=county, title="Neuvonta", owner="A", parent=parent, reference="C1")
    services.create_action(county=county, title="Takuuvuokrat", owner="B", parent=parent, reference="C2")
    services.update_action(first, status="done", by=None)
    parent.refresh_from_db()
    assert parent.progress == 50
    rows = export_rows(Action.objects.filter(county=county))
    from ilmio.core.tables import to_csv

    text = to_csv(rows, list(rows[0]))
    created, updated = import_rows(county, read_upload("actions.csv", text.encode()))
    assert (created, updated) == (0, 3)
    assert export_rows(Action.objects.filter(county=county)) == rows
    with pytest.raises(services.LoopError, match="unknown status"):
        import_rows(county, [{**rows[0], "status": "exploded"}])
    with pytest.raises(services.LoopError):
        read_upload("actions.exe", b"MZ")
    assert Action.objects.count() == 3
