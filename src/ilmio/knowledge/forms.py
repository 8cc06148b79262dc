from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import County, Municipality
from ilmio.core.forms import IdField, SafeDateField, TextField
from ilmio.knowledge.models import Action, Decision, Proposal, Summary
from ilmio.reports.forms import CodeChoiceField
from ilmio.taxonomy.models import Phenomenon

DATE = forms.DateInput(attrs={"type": "date"})


class SummaryForm(forms.Form):
    title = TextField(label=_("Title"), max_length=200)
    period_start = SafeDateField(label=_("Period starts"), widget=DATE)
    period_end = SafeDateField(label=_("Period ends"), widget=DATE)
    phenomena = CodeChoiceField(Phenomenon.objects.filter(active=True), label=_("Phenomena"),
                                widget=forms.CheckboxSelectMultiple)
    municipalities = forms.ModelMultipleChoiceField(Municipality.objects.none(), to_field_name="code", required=False,
                                                    label=_("Municipalities"), widget=forms.SelectMultiple(attrs={"size": 6}))

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the declared fields, typed only as Field.
        municipalities = cast(forms.ModelMultipleChoiceField, self.fields["municipalities"])
        municipalities.queryset = Municipality.objects.filter(county=county, active=True)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean() returns
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data


class StatementForm(forms.Form):
    text = TextField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    citations = TextField(label=_("Cited reports"), required=False, max_length=20000,
                                help_text=_("Report identifiers, separated by spaces or commas."))


class PublishForm(forms.Form):
    audience = forms.ChoiceField(label=_("Publish to"), choices=Summary.Audience.choices)


class ProposalForm(forms.Form):
    title = TextField(label=_("Title"), max_length=200)
    text = TextField(label=_("Proposal"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000)
    addressed_to = forms.ChoiceField(label=_("Addressed to"), choices=Proposal.Body.choices)
    addressed_to_name = TextField(label=_("Name of the body"), required=False, max_length=200)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Decision.Outcome.choices)
    decided_on = SafeDateField(label=_("Date"), widget=DATE)
    body = TextField(label=_("Decided by"), max_length=200)
    rationale = TextField(label=_("Rationale"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 3}))
    owner = TextField(label=_("Owner of the action"), required=False, max_length=200)
    due_date = SafeDateField(label=_("Action due"), required=False, widget=DATE)


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, required=False)
    # Absent from the request leaves the note as it was; sent empty clears it.
    note = TextField(label=_("Progress note"), max_length=500, required=False)

    def clean_note(self) -> str | None:
        return self.cleaned_data["note"] if "note" in self.data else None


class ActionChoiceForm(forms.Form):
    """Which action a row's update form is about (a hidden id, checked as a number)."""

    pk = IdField()


class QuoteApprovalForm(forms.Form):
    quote = IdField()
    # Django accepts any empty_value (documented); django-stubs narrows it to str | None.
    approved = forms.TypedChoiceField(choices=[("0", "0"), ("1", "1")], coerce=lambda value: value == "1",
                                      required=False, empty_value=False)  # type: ignore[arg-type]


class ActionImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class FollowUpForm(forms.Form):
    answer = forms.ChoiceField(label=_("Did things change?"), widget=forms.RadioSelect,
                               choices=[("yes", _("Yes, things changed")), ("partly", _("Partly")),
                                        ("no", _("No")), ("dont_know", _("I don't know"))])  # fmt: skip
