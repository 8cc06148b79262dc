"""The one validation of a report, shared by the staff form, the public form and the API."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ilmio.accounts.models import Organisation, User
from ilmio.areas.models import County, Municipality
from ilmio.core.forms import check_spam, honeypot_field, spam_token
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup

# C0 controls except tab/newline/carriage return; NUL also breaks PostgreSQL text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_LIMITS = {"title": 160, "description": 5000, "effects": 3000, "proposed_action": 3000}
TEXT_FIELDS = tuple(TEXT_LIMITS)


def clean_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value).strip()


def municipality_label(municipality: Municipality) -> str:
    """The name in the reader's language with the other official name beside it, so a
    search for "Vasa" or "Vaasa" finds the same municipality."""
    own = municipality.name
    names = [n for n in (municipality.name_fi, municipality.name_sv) if n and n != own]
    return f"{own} ({names[0]})" if names else own


class MunicipalitiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return municipality_label(obj)


class MunicipalityField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return municipality_label(obj)


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
    municipalities = MunicipalitiesField(
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

    # The first screen: what every report needs. Everything else is behind "More details"
    # (progressive disclosure), opened by itself when one of its answers needs fixing.
    FIRST_SCREEN: tuple[str, ...] = ("title", "description", "municipalities", "whole_county", "wants_feedback")

    def __init__(self, *args: Any, county: County | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.county = county
        # self.fields holds copies of the declared fields, typed only as Field.
        municipalities = cast(forms.ModelMultipleChoiceField, self.fields["municipalities"])
        if county is not None:
            municipalities.queryset = Municipality.objects.filter(active=True, county=county)

    def first_screen(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name in self.FIRST_SCREEN or self.fields[name].widget.is_hidden
                or name == "website"]  # fmt: skip

    def more_details(self) -> list[forms.BoundField]:
        return [field for field in (self[name] for name in self.fields) if field not in self.first_screen()]

    def more_details_need_attention(self) -> bool:
        return any(name in self.errors for name in self.fields if name not in self.FIRST_SCREEN)

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
        # A professional hears what came of their report unless they say no: the account is
        # the contact, nothing more is stored (residents opt in with an e-mail address).
        self.fields["wants_feedback"].initial = True

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
    website = honeypot_field()
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    FIRST_SCREEN = ("title", "description", "municipalities", "whole_county", "county_choice", "wants_feedback",
                    "feedback_email")  # fmt: skip
    STAFF_ONLY = ("phenomena", "target_groups", "service_area", "prevalence", "observed_since", "trend", "language")
    PLAIN_WORDS: dict[str, tuple[Any, Any]] = {
        "title": (_("In a few words, what is it about?"), _("For example: “No place for young people in the evenings”.")),
        "description": (_("Tell us what you have noticed"),
                        _("Tell about the situation in general, not about one person. Names and other identifying "
                          "details are removed before saving.")),
        "effects": (_("How does it affect people?"), ""),
        "proposed_action": (_("What would help?"), ""),
        "partner_organisation_type": (_("Type of organisation"), _("Only if you write on behalf of an organisation.")),
    }  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reporter_type = cast(forms.ChoiceField, self.fields["reporter_type"])
        reporter_type.choices = [
            (Report.ReporterType.RESIDENT, Report.ReporterType.RESIDENT.label),
            (Report.ReporterType.CLIENT, Report.ReporterType.CLIENT.label),
            (Report.ReporterType.PARTNER, Report.ReporterType.PARTNER.label),
        ]
        reporter_type.initial = Report.ReporterType.RESIDENT
        municipality = MunicipalityField(
            Municipality.objects.filter(active=True).select_related("county"), to_field_name="code",
            required=False, label=_("Municipality"), help_text=_("Type to search by name, in Finnish or Swedish."),
        )
        self.fields["municipalities"] = municipality
        # A resident is asked only what a resident can answer, in plain words: no
        # classification, service areas or client language; the coordinator classifies.
        for name in self.STAFF_ONLY:
            del self.fields[name]
        for name, (label, help_text) in self.PLAIN_WORDS.items():
            self.fields[name].label = label
            self.fields[name].help_text = help_text
        if not self.is_bound:
            self.initial["form_token"] = spam_token()

    def clean_municipalities(self) -> list[Municipality]:
        value = self.cleaned_data.get("municipalities")
        return [value] if value else []

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        check_spam(data)
        # The report is in the language the resident reads the form in.
        language = (get_language() or "fi")[:2]
        data["language"] = language if language in ("fi", "sv", "en") else "fi"
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


class ReportNoteForm(forms.Form):
    """A reporter completes their own report afterwards."""

    note = forms.CharField(label=_("Add to your report"), max_length=TEXT_LIMITS["effects"],
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("The note is added to the report as it is; identifying details are removed."))  # fmt: skip

    def clean_note(self) -> str:
        note = clean_text(self.cleaned_data.get("note") or "")
        if not note:
            raise forms.ValidationError(_("Write the note first."))
        return note


class WithdrawReportForm(forms.Form):
    """Withdrawal is final: the reporter ticks that they mean it."""

    confirm = forms.BooleanField(label=_("Yes, withdraw this report"), required=True,
                                 error_messages={"required": _("Tick the box to confirm the withdrawal.")})  # fmt: skip
