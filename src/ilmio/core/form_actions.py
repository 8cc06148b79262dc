"""Pages with several small forms (triage, a summary): one declared table, one dispatcher.

Each form posts its ``action`` name. The page declares, per action, who may use it, which
form validates it and which one write function it calls; :func:`dispatch` parses, checks,
calls and reports. The view stays thin: look up the object, dispatch, render.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from ilmio.core.permissions import Capability, has_capability
from ilmio.core.workflow import TransitionError

# A handler gets the request, the page's object and the valid form (None for a form
# without fields); it returns a success message, or a response to send instead.
Handler = Callable[[HttpRequest, Any, Any], "str | HttpResponse"]


@dataclass(frozen=True)
class FormAction:
    handle: Handler
    form: Callable[[QueryDict], forms.Form] | None = None
    # Any one of these capabilities allows the action (none listed: the page's own check).
    capabilities: tuple[Capability, ...] = ()
    # Shown when the form is invalid; empty: the form's own error messages.
    invalid: str | Promise = ""
    # An invalid form is shown again on the page with its errors instead of a message.
    keep_invalid: bool = False

    def allowed(self, user: Any) -> bool:
        return not self.capabilities or any(has_capability(user, c) for c in self.capabilities)


@dataclass
class Dispatched:
    """What the view does next: send ``response``, or render the page (with ``form``)."""

    response: HttpResponse | None = None
    form: forms.Form | None = None
    failed: bool = False


def error_text(form: forms.Form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def dispatch(request: HttpRequest, target: Any, actions: Mapping[str, FormAction],
             success: Callable[[], HttpResponse]) -> Dispatched:  # fmt: skip
    """Run the posted action on ``target``; on success answer ``success()``."""
    action = actions.get(request.POST.get("action", ""))
    if action is None or not action.allowed(request.user):
        messages.error(request, _("You cannot do that."))
        return Dispatched(failed=True)
    form = action.form(request.POST) if action.form else None
    if form is not None and not form.is_valid():
        if action.keep_invalid:
            return Dispatched(form=form, failed=True)
        messages.error(request, str(action.invalid) or error_text(form))
        return Dispatched(failed=True)
    try:
        result = action.handle(request, target, form)
    except (TransitionError, ValueError) as error:  # the write functions' refusals
        messages.error(request, str(error))
        return Dispatched(failed=True)
    if isinstance(result, HttpResponse):
        return Dispatched(response=result)
    if result:
        messages.success(request, result)
    return Dispatched(response=success())
