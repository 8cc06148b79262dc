"""The letter to the supervisory authority about a shortcoming not corrected in time.

One content (:func:`letter_content`), two files: PDF (WeasyPrint, like the monitoring
report) and DOCX (python-docx). Always in the notifier's language; the notifier is named
only when they chose to sign the letter and the reader may see who they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ilmio.core.pdf import html_to_pdf
from ilmio.shortcomings.deadlines import authority_name
from ilmio.shortcomings.models import Shortcoming


@dataclass
class LetterContent:
    language: str
    title: str
    authority: str
    facts: list[tuple[str, str]]
    what: str
    actions: list[tuple[str, str, str]]  # what, due, state
    reason: str
    signature: str
    notes: list[str] = field(default_factory=list)


def _date(value: Any) -> str:
    if value is None:
        return "–"
    if hasattr(value, "hour"):
        value = timezone.localdate(value)
    return date_format(value, "SHORT_DATE_FORMAT")


def letter_content(shortcoming: Shortcoming, *, show_notifier: bool = False) -> LetterContent:
    """The letter's parts in the notifier's language. ``show_notifier``: the caller may show
    the notifier's name (the reader sees it) — used only when the notifier signs."""
    language = shortcoming.notifier_language if shortcoming.notifier_language in ("fi", "sv", "en") else "fi"
    with translation.override(language):
        facts = [
            (_("Wellbeing services county"), str(shortcoming.county)),
            (_("Unit"), shortcoming.unit.name),
            (_("Service area"), shortcoming.get_service_area_display()),
            (_("Since when"), _date(shortcoming.since)),
            (_("A client's safety at risk at the time of notifying"), _("Yes") if shortcoming.safety_at_risk_now else _("No")),
            (_("Notified to the unit"), _date(shortcoming.created_at)),
            (_("Acknowledged by the unit"), _date(shortcoming.acknowledged_at) if shortcoming.acknowledged_at
             else _("Not acknowledged")),
            (_("To be corrected by"), _date(shortcoming.correct_by)),
            (_("Status"), shortcoming.status_label),
        ]  # fmt: skip
        actions = [(a.what, _date(a.due), _("Completed %(date)s") % {"date": _date(a.done_at)} if a.is_done
                    else _("Not completed")) for a in shortcoming.actions.all()]  # fmt: skip
        if shortcoming.is_escalated:
            reason = shortcoming.escalation_reason or str(shortcoming.get_escalated_by_display())
            reason = f"{shortcoming.get_escalated_by_display()}: {reason}" if shortcoming.escalation_reason else reason
        else:
            reason = _("Not corrected by the deadline.") if shortcoming.is_open else ""
        signs = shortcoming.notifier_signs and show_notifier and shortcoming.notifier is not None
        if signs:
            notifier = shortcoming.notifier
            signature = notifier.get_full_name() or notifier.get_username()  # type: ignore[union-attr]
        else:
            signature = _("The notifier has not signed this letter (the notifier's identity is protected).")
        return LetterContent(
            language=language,
            title=_("Notification of a shortcoming not corrected"),
            authority=shortcoming.authority or authority_name(language),
            facts=facts, what=shortcoming.what, actions=actions, reason=reason, signature=signature,
            notes=[_("Under the act on the supervision of social and health care (741/2023), a shortcoming not "
                     "corrected without delay is notified to the supervisory authority.")],
        )  # fmt: skip


def letter_pdf(shortcoming: Shortcoming, *, show_notifier: bool = False) -> bytes:
    content = letter_content(shortcoming, show_notifier=show_notifier)
    with translation.override(content.language):
        html = render_to_string("shortcomings/letter_print.html", {"letter": content})
    return html_to_pdf(html)


def letter_docx(shortcoming: Shortcoming, *, show_notifier: bool = False) -> bytes:
    from docx import Document

    content = letter_content(shortcoming, show_notifier=show_notifier)
    with translation.override(content.language):
        document = Document()
        document.core_properties.language = content.language
        document.add_heading(content.title, level=0)
        document.add_paragraph(f"{_('Addressed to')}: {content.authority}")
        table = document.add_table(rows=0, cols=2)
        for label, value in content.facts:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
        document.add_heading(_("The shortcoming"), level=1)
        document.add_paragraph(content.what)
        document.add_heading(_("Corrective actions"), level=1)
        if content.actions:
            actions = document.add_table(rows=1, cols=3)
            head = actions.rows[0].cells
            head[0].text, head[1].text, head[2].text = _("Action"), _("Due"), _("State")
            for what, due, state in content.actions:
                cells = actions.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = what, due, state
        else:
            document.add_paragraph(_("No corrective actions were recorded."))
        document.add_heading(_("Why it is notified to the authority"), level=1)
        document.add_paragraph(content.reason or "–")
        document.add_heading(_("Notifier"), level=1)
        document.add_paragraph(content.signature)
        for note in content.notes:
            document.add_paragraph(note)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
