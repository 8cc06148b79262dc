from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.analysis.models import Code, CodedPassage, PhenomenonCase, SignalReview
from ilmio.areas.models import County, Municipality
from ilmio.core.forms import SafeDateField, TextField
from ilmio.reports.forms import CodeChoiceField
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup


class TriageFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code",
                                        required=False, label=_("Phenomenon"))
    municipality = forms.ModelChoiceField(Municipality.objects.none(), to_field_name="code", required=False,
                                          label=_("Municipality"))
    service_area = forms.ModelChoiceField(ServiceArea.objects.filter(active=True), to_field_name="code",
                                          required=False, label=_("Service area"))
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", "—"), ("fi", "suomi"), ("sv", "svenska"), ("en", "English")])
    date_from = SafeDateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = SafeDateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = TextField(label=_("Search text"), required=False, max_length=100)
    confirmed = forms.ChoiceField(label=_("Classification"), required=False,
                                  choices=[("", "—"), ("no", _("Not yet confirmed")), ("yes", _("Confirmed"))])
    sort = forms.ChoiceField(label=_("Sort by"), required=False,
                             choices=[("newest", _("Newest first")), ("oldest", _("Oldest first")),
                                      ("phenomenon", _("Primary phenomenon")), ("status", _("Status")),
                                      ("title", _("Title"))])  # fmt: skip

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the declared fields, typed only as Field.
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            ("open", _("All open")), ("all", _("All")), *Report.WORKFLOW.choices()
        ]
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = (
            Municipality.objects.filter(county=county, active=True)
        )


class ClassifyForm(forms.Form):
    primary = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code",
                                     label=_("Primary phenomenon"),
                                     help_text=_("Exactly one, so that counts are comparable."))
    secondary = CodeChoiceField(Phenomenon.objects.filter(active=True), label=_("Other phenomena"),
                                widget=forms.CheckboxSelectMultiple)
    target_groups = CodeChoiceField(TargetGroup.objects.filter(active=True), label=_("Target groups"),
                                    widget=forms.CheckboxSelectMultiple)
    municipalities = forms.ModelMultipleChoiceField(Municipality.objects.none(), to_field_name="code",
                                                    required=False, label=_("Municipalities"),
                                                    widget=forms.SelectMultiple(attrs={"size": 6}))

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["municipalities"]).queryset = (
            Municipality.objects.filter(county=county, active=True)
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    reason = TextField(label=_("Reason"), required=False, max_length=500)

    def __init__(self, *args: Any, current: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = Report.WORKFLOW.next_of(current) if current else Report.WORKFLOW.codes
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            (s, Report.WORKFLOW.label(s)) for s in options
        ]


class DuplicateForm(forms.Form):
    original = forms.UUIDField(label=_("Original report"))
    reason = TextField(label=_("Reason"), required=False, max_length=500)


class CaseForm(forms.Form):
    title = TextField(label=_("Title"), max_length=200)
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code",
                                        required=False, label=_("Phenomenon"))
    description = TextField(label=_("Description"), required=False, max_length=10000,
                            widget=forms.Textarea(attrs={"rows": 3}))
    analysis_notes = TextField(label=_("Analysis notes"), required=False, max_length=50000,
                               widget=forms.Textarea(attrs={"rows": 5}))


class CodeForm(forms.Form):
    name = TextField(label=_("Code"), max_length=100)
    description = TextField(label=_("Description"), required=False, max_length=1000)
    parent = forms.ModelChoiceField(Code.objects.none(), required=False, label=_("Parent code"))

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["parent"])
        field.queryset = Code.objects.filter(county=county)
        field.choices = [("", "---------"), *((code.pk, label) for code, label in code_tree(field.queryset))]


class PassageForm(forms.Form):
    code = forms.ModelChoiceField(Code.objects.none(), label=_("Code"))
    # Offsets into a report text (at most a few thousand characters).
    start = forms.IntegerField(min_value=0, max_value=1_000_000, label=_("Start"))
    end = forms.IntegerField(min_value=1, max_value=1_000_000, label=_("End"))
    field = forms.ChoiceField(label=_("Text"), choices=CodedPassage.Field.choices, required=False)

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["code"])
        field.queryset = Code.objects.filter(county=county)
        # The picker is the codebook's tree: each parent, then its children indented under it.
        field.choices = [("", "---------"), *((code.pk, label) for code, label in code_tree(field.queryset))]


def code_tree(codes: Any) -> list[tuple[Code, str]]:
    """Codes in tree order with an indented label (children under their parent, by name)."""
    items = list(codes.order_by("name"))
    present = {c.pk for c in items}
    children: dict[int | None, list[Code]] = {}
    for code in items:
        children.setdefault(code.parent_id if code.parent_id in present else None, []).append(code)
    ordered: list[tuple[Code, str]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for code in children.get(parent, []):
            if code.pk not in seen:
                seen.add(code.pk)
                ordered.append((code, "\u00a0\u00a0" * depth + ("↳ " if depth else "") + code.name))
                walk(code.pk, depth + 1)

    walk(None, 0)
    return ordered


class AddToCaseForm(forms.Form):
    case = forms.ModelChoiceField(PhenomenonCase.objects.none(), label=_("Case"))

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["case"]).queryset = (
            PhenomenonCase.objects.filter(county=county)
        )


class SignalReviewForm(forms.Form):
    """A coordinator's review of an emerging-signal alert (the rows come from the page)."""

    phenomenon = forms.ModelChoiceField(Phenomenon.objects.all(), to_field_name="code")
    municipality = forms.ModelChoiceField(Municipality.objects.none(), to_field_name="code")
    decision = forms.ChoiceField(choices=SignalReview.Decision.choices)
    last_month = forms.RegexField(regex=r"^[0-9]{4}-(0[1-9]|1[0-2])$", max_length=7)
    note = TextField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = (
            Municipality.objects.filter(county=county)
        )


class SignalCaseForm(forms.Form):
    """An emerging signal of the coordinator's county to open a case from (hidden fields of its row)."""

    phenomenon = forms.ModelChoiceField(Phenomenon.objects.all(), to_field_name="code")
    municipality = forms.ModelChoiceField(Municipality.objects.none(), to_field_name="code")
    last_month = forms.RegexField(regex=r"^[0-9]{4}-(0[1-9]|1[0-2])$", max_length=7)

    def __init__(self, *args: Any, county: County | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["municipality"]).queryset = (
            Municipality.objects.filter(county=county)
        )


class RefiImportForm(forms.Form):
    """A REFI-QDA project (.qdpx) or codebook (.qdc) whose codes and coding are imported."""

    file = forms.FileField(label=_("REFI-QDA project (.qdpx) or codebook (.qdc)"))

    def clean_file(self) -> bytes:
        from ilmio.analysis.refi_qda import MAX_UPLOAD_BYTES

        upload = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)})
        return bytes(upload.read(MAX_UPLOAD_BYTES + 1))


# The queue's parameters a saved filter keeps: never the free-text search (a search word
# can identify a person), never the page.
SAVED_FILTER_FIELDS = ("status", "phenomenon", "municipality", "service_area", "language", "date_from", "date_to",
                       "confirmed", "sort")  # fmt: skip
MAX_SAVED_FILTERS = 30


def saved_query(form: TriageFilterForm) -> str:
    """The validated filter parameters of a bound, valid filter form as a query string."""
    from urllib.parse import urlencode

    values = {name: str(form.data.get(name, "")) for name in SAVED_FILTER_FIELDS if form.data.get(name)}
    return urlencode(values)


class SavedFilterForm(forms.Form):
    name = TextField(label=_("Name of the filter"), max_length=80)
    query = TextField(required=False, max_length=2000, widget=forms.HiddenInput)


class SavedFilterDeleteForm(forms.Form):
    pk = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)

