"""Status workflows owned by their models: one declarative style for every pipeline.

Each model with a status (reports, summaries, actions, and every new workflow) declares a
:class:`Workflow` — its statuses, their translated labels, the moves each allows, named
flags (``"editable"``, ``"triaged"`` …) and named roles (``"classified"`` → the status a
report gets when classified). The model mixes in :class:`HasStatus`, so code and templates
ask the model (``summary.is_editable``, ``report.available_statuses()``) instead of comparing
status strings, and the status a piece of code relies on is named once, where the workflow
is declared (django-oscar's ``available_statuses()`` / ``set_status()``).

Write functions (``services.py``) call :meth:`HasStatus.set_status`, which refuses moves the
workflow does not allow and returns the previous status so the caller records the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.utils.functional import Promise
from django.utils.translation import gettext as _


class TransitionError(ValueError):
    """A status change the workflow does not allow (the message is for the user)."""


@dataclass(frozen=True)
class Step:
    """One status: its label, the statuses it may move to, and its named flags."""

    label: str | Promise
    next: tuple[str, ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    # Data carried by the status, e.g. the default progress of an action.
    data: Mapping[str, Any] = field(default_factory=dict)


class Workflow:
    """The statuses of one model. Checked when declared: a typo fails at import time."""

    def __init__(self, name: str, steps: Mapping[str, Step], *, initial: str,
                 roles: Mapping[str, str] | None = None) -> None:  # fmt: skip
        self.name = name
        self.steps = dict(steps)
        self.initial = initial
        self.roles = dict(roles or {})
        unknown = ({initial} | {n for s in self.steps.values() for n in s.next} | set(self.roles.values())) - set(self.steps)
        if unknown:
            raise ValueError(f"workflow {name}: unknown statuses {sorted(unknown)}")

    @classmethod
    def from_spec(cls, name: str, spec: Mapping[str, Mapping[str, Any]], *, initial: str,
                  roles: Mapping[str, str] | None = None) -> Workflow:  # fmt: skip
        """A workflow from a settings-style dict: ``{code: {"label", "next", "flags"?, …}}``."""
        steps = {
            code: Step(label=item["label"], next=tuple(item.get("next", ())), flags=frozenset(item.get("flags", ())),
                       data={k: v for k, v in item.items() if k not in {"label", "next", "flags"}})
            for code, item in spec.items()
        }  # fmt: skip
        return cls(name, steps, initial=initial, roles=roles)

    # --- reading ------------------------------------------------------------------

    @property
    def codes(self) -> list[str]:
        return list(self.steps)

    def choices(self) -> list[tuple[str, str | Promise]]:
        return [(code, step.label) for code, step in self.steps.items()]

    def label(self, code: str) -> str:
        step = self.steps.get(code)
        return str(step.label) if step else code

    def next_of(self, code: str) -> list[str]:
        step = self.steps.get(code)
        return list(step.next) if step else []

    def allows(self, current: str, new: str) -> bool:
        return new in self.next_of(current)

    def has(self, code: str, flag: str) -> bool:
        step = self.steps.get(code)
        return step is not None and flag in step.flags

    def with_flag(self, flag: str) -> list[str]:
        return [code for code, step in self.steps.items() if flag in step.flags]

    def without_flag(self, flag: str) -> list[str]:
        return [code for code, step in self.steps.items() if flag not in step.flags]

    def named(self, role: str) -> str:
        """The status a role names (e.g. ``"classified"``); a missing role is a code error."""
        return self.roles[role]

    def data(self, code: str, key: str, default: Any = None) -> Any:
        step = self.steps.get(code)
        return step.data.get(key, default) if step else default

    def check(self, current: str, new: str) -> None:
        if new not in self.steps:
            raise TransitionError(_("Unknown status %(status)s.") % {"status": new})
        if not self.allows(current, new):
            raise TransitionError(_("The status cannot change from “%(current)s” to “%(new)s”.")
                                  % {"current": self.label(current), "new": self.label(new)})  # fmt: skip


class HasStatus:
    """Mixin for a model with a ``status`` field governed by ``WORKFLOW``."""

    WORKFLOW: ClassVar[Workflow]
    status: Any

    @property
    def status_label(self) -> str:
        return self.WORKFLOW.label(self.status)

    def available_statuses(self) -> list[str]:
        return self.WORKFLOW.next_of(self.status)

    def status_choices(self) -> list[tuple[str, str]]:
        """The moves open now, labelled (for a select box)."""
        return [(code, self.WORKFLOW.label(code)) for code in self.available_statuses()]

    def can_move_to(self, status: str) -> bool:
        return self.WORKFLOW.allows(self.status, status)

    def status_is(self, flag: str) -> bool:
        return self.WORKFLOW.has(self.status, flag)

    def set_status(self, new: str, *, also: Iterable[str] = ()) -> str:
        """Move to ``new`` if the workflow allows it and save; returns the previous status.

        ``also`` names further fields the caller changed with the status (saved together)."""
        self.WORKFLOW.check(self.status, new)
        previous = self.status
        self.status = new
        fields = {"status", *also}
        if any(f.name == "updated_at" for f in self._meta.fields):  # type: ignore[attr-defined]
            fields.add("updated_at")
        self.save(update_fields=fields)  # type: ignore[attr-defined]
        return str(previous)


class Reviewed(HasStatus):
    """A document that is drafted, reviewed and published (a summary, a monitoring report):
    what its pages may offer, asked of its workflow's flags (templates compare no strings)."""

    @property
    def is_editable(self) -> bool:
        return self.status_is("editable")

    @property
    def can_submit(self) -> bool:
        return self.status_is("submittable")

    @property
    def can_approve(self) -> bool:
        return self.status_is("approvable")

    @property
    def can_publish(self) -> bool:
        return self.status_is("publishable")

    @property
    def is_published(self) -> bool:
        return self.status_is("published")

