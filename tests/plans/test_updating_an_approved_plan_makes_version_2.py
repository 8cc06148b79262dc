"""An approved plan is frozen; updating it makes version 2, whose page shows what changed."""

from __future__ import annotations

import pytest

from ilmio.core.models import AuditEvent
from ilmio.core.roles import Role
from ilmio.plans import services
from tests.plans.helpers import approve, logged_in, make_plan

pytestmark = pytest.mark.django_db


def test_an_approved_plan_cannot_be_edited(reference_data):  # type: ignore[no-untyped-def]
    plan = approve(make_plan())
    assert plan.is_frozen
    with pytest.raises(services.PlanError):
        services.add_objective(plan, "Uusi tavoite", by=None)
    assert plan.objectives.count() == 1


def test_update_makes_version_2_with_a_visible_diff(make_user):  # type: ignore[no-untyped-def]
    plan = approve(make_plan())
    coordinator = make_user(Role.COORDINATOR)
    client = logged_in(coordinator)
    response = client.post(f"/plans/{plan.pk}/", {"action": "new_version"})
    second = plan.__class__.objects.get(previous=plan)
    assert response.status_code == 302 and response["Location"] == f"/plans/{second.pk}/"
    assert second.version == 2 and second.is_editable
    assert [m.description for m in second.areas.get().measures.all()] == ["Sosiaalinen raportointi käyttöön"]
    client.post(f"/plans/{second.pk}/", {"action": "measure", "area": second.areas.get().pk,
                                         "description": "Palveluohjauksen tietopohja", "owner": "Tietoasiantuntija"})
    client.post(f"/plans/{second.pk}/", {"action": "main_goal", "main_goal": "Uusi päätavoite"})
    page = client.get(f"/plans/{second.pk}/changes/").content.decode()
    assert "<ins>+Tietotyö 2: Palveluohjauksen tietopohja" in page
    assert "<del>-Päätavoite</del>" in page and "<ins>+Uusi päätavoite</ins>" in page
    plan.refresh_from_db()
    assert plan.main_goal == "Päätavoite"  # version 1 is untouched
    assert AuditEvent.objects.filter(event_type=AuditEvent.Type.PLAN_CREATED, object_id=str(second.pk)).exists()


def test_a_version_is_updated_once(make_user):  # type: ignore[no-untyped-def]
    plan = approve(make_plan())
    services.new_version(plan, by=None)
    with pytest.raises(services.PlanError):
        services.new_version(plan, by=None)


def test_the_next_terms_plan_starts_as_a_copy(make_user):  # type: ignore[no-untyped-def]
    plan = approve(make_plan())
    response = logged_in(make_user(Role.COORDINATOR)).post(f"/plans/{plan.pk}/", {"action": "next_term"})
    following = plan.__class__.objects.get(term_start=2029)
    assert response["Location"] == f"/plans/{following.pk}/"
    assert (following.term_end, following.version, following.is_editable) == (2033, 1, True)
    assert following.areas.get().measures.get().description == "Sosiaalinen raportointi käyttöön"
    with pytest.raises(services.PlanError):
        services.next_term_plan(plan, by=None)
