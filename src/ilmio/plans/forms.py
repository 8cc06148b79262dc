from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.plans.models import MonitoringReport, YearMeasure


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    term_start = forms.IntegerField(label=_("Term starts (year)"), min_value=2000, max_value=2100)
    term_end = forms.IntegerField(label=_("Term ends (year)"), min_value=2000, max_value=2100)
    main_goal = forms.CharField(label=_("Main goal"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class MainGoalForm(forms.Form):
    main_goal = forms.CharField(label=_("Main goal"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class ObjectiveForm(forms.Form):
    text = forms.CharField(label=_("Objective"), max_length=2000)


class AreaForm(forms.Form):
    name = forms.CharField(label=_("Task area"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=5000)


class MeasureForm(forms.Form):
    area = forms.IntegerField(label=_("Task area"), min_value=1, max_value=2**31 - 1)
    description = forms.CharField(label=_("Development measure"), max_length=5000)
    owner = forms.CharField(label=_("Owner"), max_length=200, required=False)
    indicators = forms.CharField(label=_("Indicators"), max_length=2000, required=False)


class ActorForm(forms.Form):
    name = forms.CharField(label=_("Actor"), max_length=200)
    duties = forms.CharField(label=_("Duties"), max_length=5000, required=False)


class CommunicationForm(forms.Form):
    audience = forms.CharField(label=_("Audience"), max_length=200)
    goals = forms.CharField(label=_("Goals"), max_length=2000, required=False)
    channels = forms.CharField(label=_("Channels"), max_length=2000, required=False)


class ApprovalForm(forms.Form):
    body = forms.CharField(label=_("Approving body"), max_length=200)
    approved_on = forms.DateField(label=_("Approved on"), widget=forms.DateInput(attrs={"type": "date"}))


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class YearMeasureForm(forms.Form):
    goal = forms.CharField(label=_("Goal of the year"), max_length=2000, required=False)
    measure = forms.CharField(label=_("Measure"), max_length=2000)
    responsible = forms.CharField(label=_("Responsible"), max_length=200)
    planned_date = forms.DateField(label=_("Planned date"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
    notes = forms.CharField(label=_("Notes"), max_length=2000, required=False)


class YearMeasureUpdateForm(forms.Form):
    pk = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=YearMeasure.Status.choices)
    done_date = forms.DateField(label=_("Done on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class GenerateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the report"), choices=MonitoringReport.Language.choices)


class EvaluationForm(forms.Form):
    evaluation = forms.CharField(label=_("Evaluation"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000)
