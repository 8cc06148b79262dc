"""Form fields shared by every app: free text without control characters, dates in range."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, newline and carriage return, and DEL. NUL also breaks PostgreSQL
# text; the others (escape sequences, bell, backspace) garble terminals, logs and exports.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Dates people may type: wide enough for any real period, narrow enough that date
# arithmetic (a day after, a month before) cannot leave Python's date range.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def has_control_characters(value: str) -> bool:
    return CONTROL_CHARACTERS.search(value) is not None


def reject_control_characters(value: Any) -> None:
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(_("Remove the control characters from the text."), code="control_characters")


class TextField(forms.CharField):
    """A CharField that refuses C0 control characters (other than tab, CR and LF) and DEL
    with a message, instead of storing them or failing in the database."""

    def to_python(self, value: Any) -> Any:
        # Checked before Django's own NUL validator so that every control character
        # gets the same message.
        value = super().to_python(value)
        reject_control_characters(value)
        return value


SafeCharField = TextField


class SafeDateField(forms.DateField):
    """A DateField limited to EARLIEST_DATE..LATEST_DATE (9999-12-31 + 1 day overflows)."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise ValidationError(
                _("Choose a date between %(first)s and %(last)s.") % {"first": EARLIEST_DATE.year, "last": LATEST_DATE.year},
                code="date_out_of_range",
            )


class IdField(forms.IntegerField):
    """A database id sent back by a form: a positive integer of at most 18 digits."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)
