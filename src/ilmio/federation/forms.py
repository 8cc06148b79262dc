"""The national instance's upload of a county package."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from ilmio.core.forms import MultipleFileField, MultipleFileInput


class PackageUploadForm(forms.Form):
    package = MultipleFileField(
        label=gettext_lazy("The package: its files (manifest.json and the datasets) or one .zip of its folder"),
        widget=MultipleFileInput(attrs={"accept": ".json,.zip"}),
    )
