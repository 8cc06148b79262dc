from __future__ import annotations

import re
import uuid
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ilmio.analysis.forms import SignalCaseForm
from ilmio.analysis.models import PhenomenonCase
from ilmio.areas.models import County, Municipality
from ilmio.core.forms import IdField, SafeDateField, TextField, reject_control_characters
from ilmio.knowledge.models import Action, Decision, Proposal, Summary
from ilmio.reports.forms import CodeChoiceField
from ilmio.taxonomy.models import Phenomenon

DATE = forms.DateInput(attrs={"type": "date"})


def language_field() -> forms.ChoiceField:
    """The language a summary is written in, its generated text too (left out: the
    writer's interface language)."""
    return forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language of the summary"), required=False,
                             initial=lambda: translation.get_language() or settings.LANGUAGE_CODE)  # fmt: skip


class SummaryForm(forms.Form):
    title = TextField(label=_("Title"), max_length=200)
    period_start = SafeDateField(label=_("Period starts"), widget=DATE)
    period_end = SafeDateField(label=_("Period ends"), widget=DATE)
    phenomena = CodeChoiceField(Phenomenon.objects.filter(active=True), label=_("Phenomena"),
                                widget=forms.CheckboxSelectMultiple)
    municipalities = forms.ModelMultipleChoiceField(Municipality.objects.none(), to_field_name="code", required=False,
                                                    label=_("Municipalities"), widget=forms.SelectMultiple(attrs={"size": 6}))
    language = language_field()

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


class SummaryFromCaseForm(forms.Form):
    """Start a summary from a case (ilmiökortti): the case and the summary's language."""

    case = IdField()
    language = language_field()


class SummaryFromSignalForm(SignalCaseForm):
    """Start a summary from an emerging signal (the hidden fields of its row)."""

    language = language_field()


# A report's public id; several may come in one value (ids pasted or sent by the API).
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MAX_CITED = 500


class ReportIdsField(forms.Field):
    """Reports chosen by their public ids: the picker's checkboxes (one id each) or ids
    pasted into one value. Yields the ids; which of them may be cited the service decides."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"required": _("Choose at least one report."),
                              "too_many": _("Choose at most %(max)s reports at a time.")}  # fmt: skip

    def to_python(self, value: Any) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        found: list[str] = []
        for item in values:
            reject_control_characters(item)
            found += [str(uuid.UUID(match)) for match in UUID_RE.findall(str(item)) if str(uuid.UUID(match)) not in found]
        if len(found) > MAX_CITED:
            raise ValidationError(self.error_messages["too_many"], code="too_many", params={"max": MAX_CITED})
        return found


class StatementForm(forms.Form):
    """A new written statement with the reports it is based on (at least one)."""

    text = TextField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    citations = ReportIdsField(label=_("Cited reports"),
                               error_messages={"required": _("Choose at least one report that the statement is based on.")})


class StatementChoiceForm(forms.Form):
    """Which statement of the summary a button is about (a hidden id)."""

    statement = IdField()


class FindingChoiceForm(forms.Form):
    """Which finding of another knowledge source a button cites (a hidden id)."""

    finding = IdField()


class CiteForm(StatementChoiceForm):
    """More reports cited in a written statement."""

    statement = IdField(widget=forms.Select, label=_("Statement"))
    citations = ReportIdsField(label=_("Cited reports"))


class StatementEditForm(StatementChoiceForm):
    """A written statement's new wording and the citations it keeps."""

    text = TextField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    citations = ReportIdsField(label=_("Cited reports"), required=False)


class SummaryTextForm(forms.Form):
    """A draft's title, introduction and narrative."""

    title = TextField(label=_("Title"), max_length=200)
    introduction = TextField(label=_("Introduction"), required=False, max_length=20000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    narrative = TextField(label=_("Narrative"), required=False, max_length=50000, widget=forms.Textarea(attrs={"rows": 8}))


class ReturnForm(forms.Form):
    comment = TextField(label=_("What should be changed?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
                        error_messages={"required": _("Write a comment: tell the writer what to change.")})  # fmt: skip


class SelectionForm(forms.Form):
    """Reports selected elsewhere (the triage queue) to be shown in the citation picker."""

    reports = ReportIdsField()


class CitationSearchForm(forms.Form):
    """The citation picker's search over the reports the user may cite (a GET form)."""

    q = TextField(label=_("Words in the title or description"), required=False, max_length=200)
    municipality = forms.ModelChoiceField(Municipality.objects.none(), to_field_name="code", required=False,
                                          label=_("Municipality"))
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code", required=False,
                                        label=_("Phenomenon"))
    date_from = SafeDateField(label=_("From"), required=False, widget=DATE)
    date_to = SafeDateField(label=_("To"), required=False, widget=DATE)
    case = forms.ModelChoiceField(PhenomenonCase.objects.none(), required=False, label=_("Reports of a case"))

    def __init__(self, *args: Any, county: County | None, cases: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = Municipality.objects.filter(county=county)
        if cases is not None:
            cast(forms.ModelChoiceField, self.fields["case"]).queryset = cases

    @property
    def searching(self) -> bool:
        return self.is_bound and self.is_valid() and any(v not in (None, "") for v in self.cleaned_data.values())


class CellForm(forms.Form):
    """A cell of the situational picture: one municipality × one phenomenon in the summary's period."""

    municipality = forms.ModelChoiceField(Municipality.objects.none(), to_field_name="code", label=_("Municipality"))
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code",
                                        label=_("Phenomenon"))

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = Municipality.objects.filter(county=county)


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
