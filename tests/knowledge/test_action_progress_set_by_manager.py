"""Issue 20: a manager sets an action's progress (0–100 with a note) instead of the status's
fixed number; a parent shows the mean of its sub-actions; the list is a tree."""

from __future__ import annotations

import pytest

from ilmio.areas.models import County
from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.knowledge import services
from ilmio.knowledge.models import Action
from tests.knowledge.helpers import logged_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(reference_data):  # type: ignore[no-untyped-def]
    county = County.objects.get(code="15")
    parent = services.create_action(county=county, title="Asumisneuvonta", owner="Johto")
    child = services.create_action(county=county, title="Neuvojan rekrytointi", owner="Johto", parent=parent)
    return parent, child


def test_a_manager_sets_60_percent_on_a_sub_action_and_the_parent_rolls_up(make_user, tree):  # type: ignore[no-untyped-def]
    parent, child = tree
    client = logged_in(make_user(Role.MANAGER))
    response = client.post("/knowledge/actions/", {"action": "update", "pk": child.pk, "status": Action.Status.IN_PROGRESS,
                                                   "progress": "60", "note": "Haastattelut käynnissä"})  # fmt: skip
    assert response.status_code == 302
    child.refresh_from_db()
    parent.refresh_from_db()
    assert (child.progress, child.progress_note) == (60, "Haastattelut käynnissä")
    assert parent.progress == 60
    event = AuditEvent.objects.filter(event_type=AuditEvent.Type.ACTION_UPDATED, object_id=str(child.pk)).latest("pk")
    assert event.details["progress"] == 60 and event.details["from_progress"] == 0
    page = client.get("/knowledge/actions/").content.decode()
    # The tree: the parent row, then its sub-action indented under it.
    assert page.index("Asumisneuvonta") < page.index("Neuvojan rekrytointi")
    assert 'class="action-depth-1"' in page and "Haastattelut käynnissä" in page


def test_without_a_progress_a_status_change_sets_the_default_and_no_change_keeps_it(tree):  # type: ignore[no-untyped-def]
    _parent, child = tree
    services.update_action(child, status=Action.Status.IN_PROGRESS, progress=35, by=None)
    services.update_action(child, status=Action.Status.IN_PROGRESS, by=None)
    assert Action.objects.get(pk=child.pk).progress == 35
    services.update_action(child, status=Action.Status.DONE, by=None)
    assert Action.objects.get(pk=child.pk).progress == 100


def test_a_parent_with_sub_actions_keeps_their_mean_over_a_typed_number(tree):  # type: ignore[no-untyped-def]
    parent, child = tree
    services.update_action(child, status=Action.Status.IN_PROGRESS, progress=40, by=None)
    services.update_action(parent, status=Action.Status.IN_PROGRESS, progress=90, by=None)
    assert Action.objects.get(pk=parent.pk).progress == 40


@pytest.mark.parametrize("progress", ["101", "-1", "abc"])
def test_a_bad_progress_is_refused_with_a_message(make_user, tree, progress):  # type: ignore[no-untyped-def]
    _parent, child = tree
    client = logged_in(make_user(Role.MANAGER))
    response = client.post("/knowledge/actions/", {"action": "update", "pk": child.pk, "status": Action.Status.PLANNED,
                                                   "progress": progress}, follow=True)  # fmt: skip
    assert "Choose a status and a progress from 0 to 100." in response.content.decode()
    assert Action.objects.get(pk=child.pk).progress == 0


def test_a_coordinator_cannot_set_progress(make_user, tree):  # type: ignore[no-untyped-def]
    _parent, child = tree
    client = logged_in(make_user(Role.COORDINATOR))
    client.post("/knowledge/actions/", {"action": "update", "pk": child.pk, "status": Action.Status.DONE, "progress": "60"})
    assert Action.objects.get(pk=child.pk).progress == 0


def test_another_countys_action_cannot_be_set(make_user, reference_data):  # type: ignore[no-untyped-def]
    other = services.create_action(county=County.objects.get(code="13"), title="Muu", owner="Johto")
    client = logged_in(make_user(Role.MANAGER))
    response = client.post("/knowledge/actions/", {"action": "update", "pk": other.pk, "status": Action.Status.DONE,
                                                   "progress": "60"})  # fmt: skip
    assert response.status_code == 404
    assert Action.objects.get(pk=other.pk).progress == 0


def test_a_parent_whose_sub_actions_are_all_cancelled_keeps_its_own_number(make_user, tree):  # type: ignore[no-untyped-def]
    parent, child = tree
    services.update_action(child, status=Action.Status.CANCELLED, by=None)
    services.update_action(Action.objects.get(pk=parent.pk), status=Action.Status.IN_PROGRESS, progress=30, by=None)
    assert Action.objects.get(pk=parent.pk).progress == 30
    page = logged_in(make_user(Role.MANAGER)).get("/knowledge/actions/").content.decode()
    assert f'id="progress-{parent.pk}"' in page  # it can still be set by hand
