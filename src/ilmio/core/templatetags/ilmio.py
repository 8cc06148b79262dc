from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from ilmio.core import formats
from ilmio.privacy import PLACEHOLDERS, localize_placeholders

register = template.Library()

# gettext_noop: extracted for translation, translated when shown (pii_label)
PII_LABELS = {
    "person_name": gettext_noop("Name"), "hetu": gettext_noop("Personal identity code"),
    "phone": gettext_noop("Phone number"), "email": gettext_noop("E-mail address"),
    "address": gettext_noop("Street address"), "iban": gettext_noop("Bank account number"),
    "birth_date": gettext_noop("Date of birth"), "client_number": gettext_noop("Client or case number"),
}  # fmt: skip


def _all_tokens() -> re.Pattern[str]:
    tokens = {token for per_language in PLACEHOLDERS.values() for token in per_language.values()}
    return re.compile("|".join(re.escape(escape(t)) for t in sorted(tokens, key=len, reverse=True)))


@register.filter
def redacted(text: str) -> SafeString:
    """Escape stored text, show placeholders in the UI language and mark them."""
    language = (get_language() or "fi")[:2]
    html = escape(localize_placeholders(text or "", language))
    marked = _all_tokens().sub(lambda m: f'<mark class="redacted">{m.group(0)}</mark>', html)
    return mark_safe(marked.replace("\n", "<br>"))  # noqa: S308 - escaped above


@register.filter
def pii_label(pii_type: str) -> str:
    return _(PII_LABELS.get(pii_type, pii_type))


@register.filter
def placeholder_for(pii_type: str) -> str:
    language = (get_language() or "fi")[:2]
    return PLACEHOLDERS.get(language, PLACEHOLDERS["fi"]).get(pii_type, "")


@register.filter
def get_field_label(form: object, name: str) -> str:
    field = getattr(form, "fields", {}).get(name)
    return str(field.label) if field is not None else name


@register.filter
def count(value: object) -> str:
    """A published count (an int, a Shown, or the dash) with the reader's digit grouping."""
    shown = getattr(value, "value", value)
    if isinstance(shown, str) and shown.isdigit():
        shown = int(shown)
    if isinstance(shown, bool) or not isinstance(shown, int):
        return formats.HIDDEN if shown is None or shown == formats.HIDDEN else str(shown)
    return formats.format_count(shown)


@register.filter
def decimal(value: float | None, digits: int = 1) -> str:
    return formats.format_decimal(value, digits)


@register.filter
def period(label: str) -> str:
    return formats.period_name(str(label))
