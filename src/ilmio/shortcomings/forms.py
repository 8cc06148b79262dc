"""Forms of notifications of shortcomings: the notification itself and the receiver's steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.accounts.models import Organisation
from ilmio.core.forms import IdField, SafeDateField, TextField
from ilmio.reports.forms import CodeChoiceField
from ilmio.shortcomings.access import units_for
from ilmio.shortcomings.models import Shortcoming
from ilmio.taxonomy.models import Phenomenon

WHAT_LIMIT = 5000
REASON_LIMIT = 3000
YES, NO = "yes", "no"


class ShortcomingForm(forms.Form):
    unit = forms.ModelChoiceField(Organisation.objects.none(), label=_("Unit concerned"), empty_label=_("Choose a unit"))
    service_area = forms.ChoiceField(label=_("Service area"), choices=[("", _("Choose a service area")),
                                                                        *Shortcoming.ServiceArea.choices])  # fmt: skip
    what = TextField(label=_("What is the shortcoming?"), max_length=WHAT_LIMIT, widget=forms.Textarea(attrs={"rows": 6}),
                     help_text=_("Describe the shortcoming or the obvious threat of one in clients' care, not the "
                                 "client: names and other identifying details are removed before saving."))  # fmt: skip
    since = SafeDateField(label=_("Since when?"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                          help_text=_("Optional: when it began, as far as you know."))  # fmt: skip
    safety_at_risk_now = forms.ChoiceField(
        label=_("Is a client's safety at risk right now?"), choices=[(NO, _("No")), (YES, _("Yes"))],
        widget=forms.RadioSelect, initial=NO,
    )  # fmt: skip
    phenomena = CodeChoiceField(Phenomenon.objects.filter(active=True), label=_("Phenomena"),
                                widget=forms.CheckboxSelectMultiple)  # fmt: skip
    signs = forms.BooleanField(label=_("Sign the letter to the supervisory authority with my name"), required=False,
                               help_text=_("If the notification goes to the supervisory authority, the letter does "
                                           "not name you unless you tick this."))  # fmt: skip

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = units_for(user)

    def clean_what(self) -> str:
        value = (self.cleaned_data.get("what") or "").strip()
        if not value:
            raise forms.ValidationError(_("Describe the shortcoming."))
        return value

    @property
    def safety_at_risk(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return data.get("safety_at_risk_now") == YES or self.data.get("safety_at_risk_now") == YES


class ReasonForm(forms.Form):
    reason = TextField(label=_("Reason"), max_length=REASON_LIMIT, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_reason(self) -> str:
        value = (self.cleaned_data.get("reason") or "").strip()
        if not value:
            raise forms.ValidationError(_("Write the reason."))
        return value


class CorrectiveActionForm(forms.Form):
    what = TextField(label=_("Corrective action"), max_length=REASON_LIMIT, widget=forms.Textarea(attrs={"rows": 3}))
    owner = IdField(required=False, widget=forms.Select)
    due = SafeDateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_what(self) -> str:
        value = (self.cleaned_data.get("what") or "").strip()
        if not value:
            raise forms.ValidationError(_("Describe the corrective action."))
        return value


class CompleteActionForm(forms.Form):
    item = IdField()
