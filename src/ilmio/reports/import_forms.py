"""Forms of the history-import page: the upload, the column mapping."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.core.forms import TextField
from ilmio.reports.import_runs import REPORTS, Importer


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"), allow_empty_file=True,
        help_text=_("A Webropol or Forms export or a plain sheet, at most 20 MB; the first row holds the column names."),
    )  # fmt: skip


class MappingForm(forms.Form):
    """One select per target field, listing the file's column headers."""

    save_as = TextField(label=_("Save this mapping as"), required=False, max_length=100,
                        help_text=_("Optional: a name, to use the mapping again for the next file."))  # fmt: skip

    def __init__(self, *args: Any, headers: list[str], importer: Importer = REPORTS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.importer = importer
        choices = [("", _("— not in the file —")), *[(h, h) for h in headers]]
        fields: dict[str, forms.Field] = {}
        for target in importer.order:
            fields[f"col_{target}"] = forms.ChoiceField(label=importer.labels.get(target, target), choices=choices,
                                                        required=target == importer.required,
                                                        help_text=importer.helps.get(target, ""))  # fmt: skip
        fields["save_as"] = self.fields["save_as"]
        self.fields = fields

    def columns(self) -> dict[str, str]:
        return {t: self.cleaned_data[f"col_{t}"] for t in self.importer.order if self.cleaned_data.get(f"col_{t}")}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [data.get(f"col_{t}") for t in self.importer.order if data.get(f"col_{t}")]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can be chosen for one field only."))
        return data

    @staticmethod
    def initial_for(columns: dict[str, str], headers: list[str], importer: Importer = REPORTS) -> dict[str, str]:
        return {f"col_{t}": h for t, h in columns.items() if t in importer.targets and h in headers}
