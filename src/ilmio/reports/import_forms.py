"""Forms of the history-import page: the upload, the column mapping."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.core.forms import TextField
from ilmio.reports.importing import TARGETS

TARGET_LABELS = {
    "description": _("Description"),
    "title": _("Title"),
    "created_at": _("Date of the report"),
    "municipality": _("Municipality"),
    "phenomenon": _("Phenomenon"),
    "effects": _("Effects"),
    "proposed_action": _("Proposed action"),
    "language": _("Language"),
    "source_id": _("Row id in the source"),
}
TARGET_HELP = {
    "created_at": _(
        "Finnish dates (1.2.2024 or 1.2.2024 14.30), ISO dates and Excel dates are read."
    ),
    "municipality": _("Municipality names in Finnish or Swedish, or municipality codes."),
    "phenomenon": _("Phenomenon names or codes; an unknown one is left for triage to suggest."),
    "source_id": _("With an id, a row imported again is recognised even if its text changed."),
}
ORDER = [t for t in TARGET_LABELS if t in TARGETS] + [t for t in TARGETS if t not in TARGET_LABELS]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"), allow_empty_file=True,
        help_text=_("A Webropol or Forms export or a plain sheet, at most 20 MB; the first row holds the column names."),
    )  # fmt: skip


class MappingForm(forms.Form):
    """One select per target field, listing the file's column headers."""

    save_as = TextField(label=_("Save this mapping as"), required=False, max_length=100,
                        help_text=_("Optional: a name, to use the mapping again for the next file."))  # fmt: skip

    def __init__(self, *args: Any, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —")), *[(h, h) for h in headers]]
        fields: dict[str, forms.Field] = {}
        for target in ORDER:
            fields[f"col_{target}"] = forms.ChoiceField(label=TARGET_LABELS.get(target, target), choices=choices,
                                                        required=target == "description",
                                                        help_text=TARGET_HELP.get(target, ""))  # fmt: skip
        fields["save_as"] = self.fields["save_as"]
        self.fields = fields

    def columns(self) -> dict[str, str]:
        return {
            t: self.cleaned_data[f"col_{t}"] for t in ORDER if self.cleaned_data.get(f"col_{t}")
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [data.get(f"col_{t}") for t in ORDER if data.get(f"col_{t}")]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can be chosen for one field only."))
        return data

    @staticmethod
    def initial_for(columns: dict[str, str], headers: list[str]) -> dict[str, str]:
        return {f"col_{t}": h for t, h in columns.items() if t in TARGETS and h in headers}
