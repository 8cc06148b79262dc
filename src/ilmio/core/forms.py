"""Form fields shared by every app: free text without control characters, dates in range."""

from __future__ import annotations

import re
import time
from datetime import date
from typing import Any

from django import forms
from django.core import signing
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


# Spam protection of the public forms without third parties: a field people never see
# (``website``), and a signed timestamp (``form_token``) that must be a few seconds old.
SPAM_TOKEN_SALT = "ilmio.reports.public-form"
SPAM_MIN_SECONDS = 3
SPAM_MAX_AGE = 24 * 3600


def honeypot_field() -> forms.CharField:
    return forms.CharField(required=False, label=_("Leave this empty"),
                           widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))  # fmt: skip


def spam_token() -> str:
    return signing.dumps(time.time(), salt=SPAM_TOKEN_SALT)


def check_spam(data: dict[str, Any]) -> None:
    """Refuse a form whose hidden field was filled, whose token is forged or old, or that was
    sent faster than a person can (the message tells a person what to do)."""
    if data.get("website"):
        raise ValidationError(_("The form could not be sent. Please try again."), code="spam")
    try:
        issued = float(signing.loads(data.get("form_token") or "", salt=SPAM_TOKEN_SALT, max_age=SPAM_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        raise ValidationError(_("The form has expired. Please reload the page and try again."), code="token") from None
    if time.time() - issued < SPAM_MIN_SECONDS:
        raise ValidationError(_("The form was sent too quickly. Please try again."), code="too_fast")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files chosen at once (Django's documented pattern): ``clean`` gives a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        items = list(data) if isinstance(data, list | tuple) else [data]
        return [single(item, initial) for item in items or [None]]  # none chosen: "required" as for one file
