"""One declarative style for every status pipeline (ilmio.core.workflow)."""

from __future__ import annotations

import pytest

from ilmio.core.workflow import Step, TransitionError, Workflow


def test_a_typo_in_a_workflow_fails_when_it_is_declared():
    with pytest.raises(ValueError, match="unknown statuses"):
        Workflow("x", {"a": Step("A", next=("b",))}, initial="a")
    with pytest.raises(ValueError, match="unknown statuses"):
        Workflow("x", {"a": Step("A")}, initial="a", roles={"on_done": "done"})


def test_moves_flags_and_roles_are_read_from_the_declaration():
    flow = Workflow("x", {"a": Step("A", next=("b",), flags=frozenset({"open"})), "b": Step("B")},
                    initial="a", roles={"on_finish": "b"})  # fmt: skip
    assert flow.allows("a", "b") and not flow.allows("b", "a")
    assert flow.with_flag("open") == ["a"] and flow.without_flag("open") == ["b"]
    assert flow.named("on_finish") == "b"
    flow.check("a", "b")
    with pytest.raises(TransitionError):
        flow.check("b", "a")
    with pytest.raises(TransitionError):
        flow.check("a", "nowhere")


@pytest.mark.django_db
def test_set_status_refuses_what_the_workflow_does_not_allow(reference_data):
    from tests.analysis.test_triage import file

    report = file()
    assert report.set_status(report.WORKFLOW.named("on_review")) == report.WORKFLOW.initial
    report.refresh_from_db()
    assert report.status == report.WORKFLOW.named("on_review")
    with pytest.raises(TransitionError):
        report.set_status(report.WORKFLOW.named("on_action_done"))
    report.refresh_from_db()
    assert report.status == report.WORKFLOW.named("on_review")


def test_every_model_workflow_reaches_its_statuses_from_the_initial_one():
    from ilmio.knowledge.models import Action, Summary
    from ilmio.reports.models import Report

    for model in (Report, Summary, Action):
        flow = model.WORKFLOW
        seen, frontier = {flow.initial}, [flow.initial]
        while frontier:
            for nxt in flow.next_of(frontier.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    frontier.append(nxt)
        assert seen == set(flow.codes), model.__name__
