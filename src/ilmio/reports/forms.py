"""The one validation of a report, shared by the staff form, the public form and the API."""

from __future__ import annotations

import re
import time
from typing import Any, cast

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from ilmio.accounts.models import Organisation, User
from ilmio.areas.models import County, Municipality
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup

# C0 controls except tab/newline/carriage return; NUL also breaks PostgreSQL text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_LIMITS = {"title": 160, "description": 5000, "effects": 3000, "proposed_action": 3000}
TEXT_FIELDS = tuple(TEXT_LIMITS)
SPAM_TOKEN_SALT = "ilmio.reports.public-form"
SPAM_MIN_SECONDS = 3
SPAM_MAX_AGE = 24 * 3600


def clean_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value).strip()


class CodeChoiceField(forms.ModelMultipleChoiceField):
    """Taxonomy terms chosen by their stable code, so the API and forms speak the same."""

    def __init__(self, queryset: Any, **kwargs: Any) -> None:
        super().__init__(queryset, to_field_name="code", required=False, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return obj.label


class ReportForm(forms.Form):
    title = forms.CharField(label=_("Short title"), max_length=TEXT_LIMITS["title"],
                            help_text=_("A few words: what is happening?"))
    description = forms.CharField(
        label=_("What have you noticed?"), max_length=TEXT_LIMITS["description"],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Describe the phenomenon, not a person. Names and other identifying details are removed before saving."),
    )
    kind = forms.ChoiceField(label=_("Kind of observation"), choices=Report.Kind.choices,
                             initial=Report.Kind.CONCERN, widget=forms.RadioSelect)
    phenomena = CodeChoiceField(Phenomenon.objects.filter(active=True), label=_("Phenomena"),
                                widget=forms.CheckboxSelectMultiple)
    target_groups = CodeChoiceField(TargetGroup.objects.filter(active=True), label=_("Target groups"),
                                    widget=forms.CheckboxSelectMultiple)
    municipalities = forms.ModelMultipleChoiceField(
        Municipality.objects.filter(active=True), to_field_name="code", required=False,
        label=_("Municipalities"), widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Choose one or several, or mark the whole county."),
    )
    whole_county = forms.BooleanField(label=_("Concerns the whole county"), required=False)
    service_area = forms.ModelChoiceField(ServiceArea.objects.filter(active=True), to_field_name="code",
                                          required=False, label=_("Service area"))
    prevalence = forms.ChoiceField(label=_("How common is it?"), choices=Report.Prevalence.choices,
                                   initial=Report.Prevalence.SEVERAL)
    observed_since = forms.ChoiceField(label=_("Since when?"), choices=Report.ObservedSince.choices,
                                       initial=Report.ObservedSince.UNKNOWN)
    trend = forms.ChoiceField(label=_("Trend"), choices=Report.Trend.choices, initial=Report.Trend.UNKNOWN)
    effects = forms.CharField(label=_("Effects on clients"), required=False,
                              max_length=TEXT_LIMITS["effects"], widget=forms.Textarea(attrs={"rows": 3}))
    proposed_action = forms.CharField(label=_("What should be done?"), required=False,
                                      max_length=TEXT_LIMITS["proposed_action"],
                                      widget=forms.Textarea(attrs={"rows": 3}))
    language = forms.ChoiceField(label=_("Language of the report"),
                                 choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")])
    reporter_type = forms.ChoiceField(label=_("You are"), choices=Report.ReporterType.choices,
                                      initial=Report.ReporterType.PROFESSIONAL)
    partner_organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), required=False,
        choices=[("", "—")] + list(Organisation.Kind.choices),
    )
    wants_feedback = forms.BooleanField(
        label=_("Tell me what came of this report"), required=False,
        help_text=_("Your contact is kept apart from the report and can be erased at any time."),
    )  # fmt: skip

    def __init__(self, *args: Any, county: County | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.county = county
        if county is not None:
            # self.fields holds copies of the declared fields, typed only as Field.
            municipalities = cast(forms.ModelMultipleChoiceField, self.fields["municipalities"])
            municipalities.queryset = Municipality.objects.filter(active=True, county=county)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean() returns
        for name in TEXT_FIELDS:
            if isinstance(data.get(name), str):
                data[name] = clean_text(data[name])
        for name in ("title", "description"):
            if name in data and not data[name]:
                self.add_error(name, _("This field cannot be empty."))
        if not data.get("whole_county") and not data.get("municipalities"):
            self.add_error("municipalities", _("Choose at least one municipality, or mark the whole county."))
        if data.get("reporter_type") == Report.ReporterType.PARTNER and not data.get("partner_organisation_type"):
            self.add_error("partner_organisation_type", _("Choose the type of your organisation."))
        return data

    def report_county(self) -> County | None:
        if self.county is not None:
            return self.county
        municipalities = self.cleaned_data.get("municipalities") or []
        counties = {m.county_id for m in municipalities}
        if len(counties) == 1:
            return County.objects.get(pk=counties.pop())
        return None


class StaffReportForm(ReportForm):
    """For logged-in professionals and partners: county from the account."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, county=user.county, **kwargs)
        self.user = user
        reporter_type = cast(forms.ChoiceField, self.fields["reporter_type"])
        if user.role == "partner":
            reporter_type.choices = [(Report.ReporterType.PARTNER, Report.ReporterType.PARTNER.label)]
            reporter_type.initial = Report.ReporterType.PARTNER
        else:
            reporter_type.choices = [
                (Report.ReporterType.PROFESSIONAL, Report.ReporterType.PROFESSIONAL.label),
                (Report.ReporterType.PARTNER, Report.ReporterType.PARTNER.label),
            ]

    def default_reporter_type(self) -> str:
        return Report.ReporterType.PARTNER if self.user.role == "partner" else Report.ReporterType.PROFESSIONAL

    def clean(self) -> dict[str, Any]:
        # A logged-in partner's organisation is known: its type need not be asked again.
        if self.user.role == "partner" and not self.cleaned_data.get("partner_organisation_type"):
            organisation = getattr(self.user, "organisation", None)
            self.cleaned_data["partner_organisation_type"] = organisation.kind if organisation else Organisation.Kind.OTHER
        return super().clean()


class PublicReportForm(ReportForm):
    """For partners, clients and residents without an account."""

    county_choice = forms.ModelChoiceField(
        County.objects.all(), to_field_name="code", required=False, label=_("Wellbeing services county"),
        help_text=_("Needed only if you mark the whole county."),
    )
    feedback_email = forms.EmailField(label=_("Your e-mail for the answer"), required=False)
    # Spam protection without third parties: a field people never see, and a signed
    # timestamp that must be a few seconds old.
    website = forms.CharField(required=False, label=_("Leave this empty"),
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reporter_type = cast(forms.ChoiceField, self.fields["reporter_type"])
        reporter_type.choices = [
            (Report.ReporterType.RESIDENT, Report.ReporterType.RESIDENT.label),
            (Report.ReporterType.CLIENT, Report.ReporterType.CLIENT.label),
            (Report.ReporterType.PARTNER, Report.ReporterType.PARTNER.label),
        ]
        reporter_type.initial = Report.ReporterType.RESIDENT
        self.fields["municipalities"] = forms.ModelChoiceField(
            Municipality.objects.filter(active=True).select_related("county"), to_field_name="code",
            required=False, label=_("Municipality"),
        )
        if not self.is_bound:
            self.initial["form_token"] = signing.dumps(time.time(), salt=SPAM_TOKEN_SALT)

    def clean_municipalities(self) -> list[Municipality]:
        value = self.cleaned_data.get("municipalities")
        return [value] if value else []

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("The form could not be sent. Please try again."), code="spam")
        try:
            issued = float(signing.loads(data.get("form_token") or "", salt=SPAM_TOKEN_SALT, max_age=SPAM_MAX_AGE))
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("The form has expired. Please reload the page and try again."), code="token"
            ) from None
        if time.time() - issued < SPAM_MIN_SECONDS:
            raise forms.ValidationError(_("The form was sent too quickly. Please try again."), code="too_fast")
        if data.get("wants_feedback") and not data.get("feedback_email"):
            self.add_error("feedback_email", _("Give an e-mail address to hear what came of the report."))
        if data.get("whole_county") and not data.get("municipalities") and not data.get("county_choice"):
            self.add_error("county_choice", _("Choose the county."))
        return data

    def report_county(self) -> County | None:
        municipalities = self.cleaned_data.get("municipalities") or []
        if municipalities:
            return municipalities[0].county
        return self.cleaned_data.get("county_choice")
