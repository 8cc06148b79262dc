"""The coordinator's forms for correcting a report: a detail to remove, or the report's erasure."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ilmio.gdpr.correction import DETAIL_LABELS, DETAIL_TYPES, PHRASE_MAX, ErasureReason


class RedactFurtherForm(forms.Form):
    phrase = forms.CharField(label=_("Detail to remove, exactly as it is written"), max_length=PHRASE_MAX,
                             strip=True)  # fmt: skip
    detail_type = forms.ChoiceField(label=_("What kind of detail it is"),
                                    choices=[(code, DETAIL_LABELS[code]) for code in DETAIL_TYPES])  # fmt: skip


class EraseReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why the report is erased"), choices=ErasureReason.choices,
                               widget=forms.RadioSelect)  # fmt: skip
    confirm = forms.BooleanField(label=_("I understand that the report and every copy of its text are deleted for good."),
                                 required=True)  # fmt: skip
