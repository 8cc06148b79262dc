"""Forms of source documents: the upload, and a finding added, edited or deleted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import Municipality
from ilmio.core.forms import IdField, TextField
from ilmio.reports.forms import CodeChoiceField, MunicipalitiesField
from ilmio.sources.access import municipalities_for
from ilmio.sources.files import checked_kind
from ilmio.sources.models import (
    FINDING_LIMIT,
    LANGUAGES,
    ORGANISATION_LIMIT,
    SUMMARY_LIMIT,
    TITLE_LIMIT,
    SourceDocument,
)
from ilmio.sources.search import SourceQuery
from ilmio.sources.services import OLDEST_YEAR
from ilmio.taxonomy.models import Phenomenon, TargetGroup


def _municipalities(required: bool = False) -> MunicipalitiesField:
    return MunicipalitiesField(Municipality.objects.filter(active=True), to_field_name="code", required=required,
                               label=_("Municipalities"), widget=forms.CheckboxSelectMultiple,
                               help_text=_("None chosen: the whole county."))  # fmt: skip


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=[("", _("Choose the kind")),
                                                                    *SourceDocument.Kind.choices])  # fmt: skip
    title = TextField(label=_("Title"), max_length=TITLE_LIMIT)
    author_organisation = TextField(label=_("Author organisation"), max_length=ORGANISATION_LIMIT, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=OLDEST_YEAR)
    language = forms.ChoiceField(label=_("Language of the document"), choices=LANGUAGES, initial="fi")
    municipalities = _municipalities()
    summary = TextField(label=_("Summary"), max_length=SUMMARY_LIMIT, required=False,
                        widget=forms.Textarea(attrs={"rows": 5}),
                        help_text=_("Names and other identifying details are removed before saving."))  # fmt: skip
    file = forms.FileField(label=_("File (PDF or Word, at most 20 MB)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}))  # fmt: skip

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipalities"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = municipalities_for(user)
        year = self.fields["year"]
        assert isinstance(year, forms.IntegerField)
        year.max_value = timezone.localdate().year + 1
        year.widget.attrs["max"] = str(year.max_value)
        year.validators.append(MaxValueValidator(year.max_value))

    def clean_title(self) -> str:
        value = (self.cleaned_data.get("title") or "").strip()
        if not value:
            raise forms.ValidationError(_("Give the document's title."))
        return value

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        try:
            checked_kind(upload)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class FindingForm(forms.Form):
    text = TextField(label=_("Finding"), max_length=FINDING_LIMIT, widget=forms.Textarea(attrs={"rows": 4}),
                     help_text=_("Names and other identifying details are removed before saving."))  # fmt: skip
    phenomena = CodeChoiceField(Phenomenon.objects.filter(active=True), label=_("Phenomena"),
                                widget=forms.CheckboxSelectMultiple)  # fmt: skip
    target_groups = CodeChoiceField(TargetGroup.objects.filter(active=True), label=_("Target groups"),
                                    widget=forms.CheckboxSelectMultiple)  # fmt: skip
    municipalities = _municipalities()

    def clean_text(self) -> str:
        value = (self.cleaned_data.get("text") or "").strip()
        if not value:
            raise forms.ValidationError(_("Write the finding."))
        return value


class EditFindingForm(FindingForm):
    item = IdField()


class ItemForm(forms.Form):
    item = IdField()


class SearchForm(forms.Form):
    """The search of the source list (document kinds) and of the feedback page (feedback
    kinds): the text, a kind and a phenomenon. An invalid value is reported, not guessed."""

    q = TextField(label=_("Search text"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code", required=False,
                                        label=_("Phenomenon"), empty_label=_("All phenomena"))  # fmt: skip

    def __init__(self, *args: Any, kinds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [("", _("All kinds")), *kinds]

    def query(self) -> SourceQuery:
        """The query of valid input; an invalid form searches for nothing (it shows its errors)."""
        if not self.is_valid():
            return SourceQuery()
        data = self.cleaned_data
        return SourceQuery(text=(data.get("q") or "").strip(), kind=data.get("kind") or "",
                           phenomenon=data.get("phenomenon"))  # fmt: skip
