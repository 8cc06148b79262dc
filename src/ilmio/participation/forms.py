"""Forms of participation: ideas and their decisions, listening rounds, workshops (series,
sessions, registration, worksheets) and forums (the forum, a topic)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ilmio.areas.models import Municipality
from ilmio.core.forms import (
    IdField,
    SafeDateField,
    TextField,
    check_spam,
    honeypot_field,
    spam_token,
)
from ilmio.knowledge.models import Proposal
from ilmio.participation.models import (
    ANSWER_LIMIT,
    LANGUAGES,
    PLACE_LIMIT,
    QUESTION_LIMIT,
    RESPONSE_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    TOPIC_LIMIT,
    WorksheetSection,
    WorkshopSeries,
)
from ilmio.reports.forms import MunicipalityField
from ilmio.taxonomy.models import Phenomenon

NAMES_REMOVED = _("Names and other identifying details are removed before saving.")


class PageLanguage:
    """What is sent is in the language of the page it was written on."""

    def language(self) -> str:
        language = (get_language() or "fi")[:2]
        return language if language in ("fi", "sv", "en") else "fi"


class IdeaForm(PageLanguage, forms.Form):
    """A member of staff's idea: the municipality is one of the own county's, if any."""

    title = TextField(label=_("Your idea in a few words"), max_length=TITLE_LIMIT)
    text = TextField(label=_("What should be done, and why?"), max_length=TEXT_LIMIT,
                     widget=forms.Textarea(attrs={"rows": 6}), help_text=NAMES_REMOVED)  # fmt: skip
    municipality = MunicipalityField(Municipality.objects.filter(active=True).select_related("county"),
                                     to_field_name="code", required=False, label=_("Municipality"),
                                     empty_label=_("Choose the municipality"),
                                     help_text=_("Type to search by name, in Finnish or Swedish."))  # fmt: skip
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code", required=False,
                                        label=_("Phenomenon"), empty_label=_("I don't know"))  # fmt: skip

    def __init__(self, *args: Any, county: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.county = county
        if county is not None:
            field = self.fields["municipality"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Municipality.objects.filter(active=True, county=county)


class PublicIdeaForm(IdeaForm):
    """A resident's idea, without an account: the municipality tells the county."""

    email = forms.EmailField(label=_("Your e-mail, if you want to hear what came of the idea"), required=False,
                             help_text=_("Kept apart from the idea and erased once the answer is sent."))  # fmt: skip
    website = honeypot_field()
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].required = True
        del self.fields["phenomenon"]  # the coordinator classifies
        if not self.is_bound:
            self.initial["form_token"] = spam_token()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_spam(data)
        return data


class ProposalFromIdeaForm(forms.Form):
    title = TextField(label=_("Title of the proposal"), max_length=200)
    text = TextField(label=_("The proposal"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 5}),
                     help_text=NAMES_REMOVED)  # fmt: skip
    addressed_to = forms.ChoiceField(label=_("Addressed to"), choices=Proposal.Body.choices)
    addressed_to_name = TextField(label=_("Name of the body"), max_length=200, required=False)


class DeclineIdeaForm(forms.Form):
    response = TextField(label=_("Answer to the proposer"), max_length=RESPONSE_LIMIT,
                         widget=forms.Textarea(attrs={"rows": 4}), help_text=NAMES_REMOVED)  # fmt: skip


class RoundForm(forms.Form):
    municipality = MunicipalityField(Municipality.objects.none(), to_field_name="code", label=_("Municipality"),
                                     empty_label=_("Choose the municipality"))  # fmt: skip
    question = TextField(label=_("The question residents answer"), max_length=QUESTION_LIMIT,
                         help_text=_("For example: “What bothers you in Saarijärvi?”"))  # fmt: skip
    opens_on = SafeDateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = SafeDateField(label=_("Closes on (the last day of answers)"), widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language of the question"), choices=LANGUAGES, initial="fi")

    def __init__(self, *args: Any, county: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Municipality.objects.filter(active=True, county=county).order_by("name_fi")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The round must close on or after the day it opens."))
        return data


class AnswerForm(PageLanguage, forms.Form):
    """A resident's answer: plain words, no account, the spam guard of every public form."""

    text = TextField(label=_("Your answer"), max_length=ANSWER_LIMIT, widget=forms.Textarea(attrs={"rows": 5}),
                     help_text=NAMES_REMOVED)  # fmt: skip
    helps = TextField(label=_("What would help? (if you want to say)"), max_length=ANSWER_LIMIT, required=False,
                      widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    website = honeypot_field()
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = spam_token()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_spam(data)
        return data


class ClassifyAnswerForm(forms.Form):
    item = IdField()
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code", required=False)


# --- workshops --------------------------------------------------------------------------------

ONE_PER_LINE = _("One thing per line. Names and other identifying details are removed before saving.")


class SeriesForm(forms.Form):
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code",
                                        label=_("Phenomenon"), empty_label=_("Choose the phenomenon"))  # fmt: skip
    title = TextField(label=_("Name of the workshop"), max_length=TITLE_LIMIT,
                      help_text=_("For example: “Mental health workshop: what should we know?”"))  # fmt: skip
    description = TextField(label=_("What the workshop is about"), max_length=TEXT_LIMIT, required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    audience = forms.ChoiceField(label=_("Who it is for"), choices=WorkshopSeries.Audience.choices)
    keep_registrations = forms.BooleanField(label=_("Keep registrations after the session"), required=False,
                                            help_text=_("By default names and addresses are erased the day after the session."))  # fmt: skip


class WhenAndWhere(forms.Form):
    """An event's day and time (in Finland's time) and an online link or a place."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("online_link") and not data.get("place") and not self.errors:
            raise forms.ValidationError(_("Give an online link or a place."))
        return data

    def starts_at(self) -> datetime:
        data = self.cleaned_data
        return timezone.make_aware(datetime.combine(data["day"], data["time"]))


class SessionForm(WhenAndWhere):
    """A session: when, how long, and a link or a place."""

    day = SafeDateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=15, max_value=480, initial=90)
    online_link = forms.URLField(label=_("Online link (Teams or other)"), required=False, max_length=200,
                                 assume_scheme="https")  # fmt: skip
    place = TextField(label=_("Place"), max_length=PLACE_LIMIT, required=False)
    language = forms.ChoiceField(label=_("Language of the session"), choices=LANGUAGES, initial="fi")


class SessionItemForm(forms.Form):
    """A session of the series named by id (open its worksheets, mark it held, repeat it)."""

    item = IdField()


class RegistrationForm(PageLanguage, forms.Form):
    """A sign-up without an account: only what sending the session's link needs."""

    session = forms.TypedChoiceField(label=_("Session"), coerce=int, widget=forms.RadioSelect)
    name = TextField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your e-mail"), help_text=_("For the session's link. Erased after the session."))
    website = honeypot_field()
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = sessions
        if not self.is_bound:
            self.initial["form_token"] = spam_token()
            if len(sessions) == 1:
                self.initial["session"] = sessions[0][0]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_spam(data)
        return data


def _sheet_field(label: Any, help_text: Any = ONE_PER_LINE) -> TextField:
    return TextField(label=label, max_length=8000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
                     help_text=help_text)  # fmt: skip


class WorksheetForm(PageLanguage, forms.Form):
    """The worksheet: what is needed, what exists, what is missing, what was seen, what to do."""

    need = _sheet_field(_("What do we need to know about this phenomenon?"))
    source = _sheet_field(_("What data sources already tell about it?"))
    indicator = _sheet_field(_("Which indicators or statistics describe it?"))
    missing = _sheet_field(_("What information is missing?"))
    observation = _sheet_field(_("What have you seen in your work or life?"))
    proposal = _sheet_field(_("What should be done?"))

    def lines(self) -> dict[str, list[str]]:
        return {section: (self.cleaned_data.get(section) or "").splitlines() for section in WorksheetSection.values}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any((data.get(s) or "").strip() for s in WorksheetSection.values):
            raise forms.ValidationError(_("Write at least one line."))
        return data


class FacilitatorSheetForm(WorksheetForm):
    """The facilitator writes down a session's discussion (one of the series' open sessions)."""

    item = IdField(label=_("Session"), widget=forms.Select)

    def __init__(self, *args: Any, sessions: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if sessions is not None:
            self.fields["item"].widget.choices = sessions


class PublicWorksheetForm(WorksheetForm):
    website = honeypot_field()
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = spam_token()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        check_spam(data)
        return data


class NoFieldsForm(forms.Form):
    """An action that needs nothing but its name (compile, publish)."""


# --- forums -----------------------------------------------------------------------------------


class ForumForm(WhenAndWhere):
    title = TextField(label=_("Name of the forum"), max_length=TITLE_LIMIT)
    description = TextField(label=_("What the forum is about"), max_length=TEXT_LIMIT, required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    day = SafeDateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    online_link = forms.URLField(label=_("Online link (Teams or other)"), required=False, max_length=200,
                                 assume_scheme="https")  # fmt: skip
    place = TextField(label=_("Place"), max_length=PLACE_LIMIT, required=False)


class TopicForm(forms.Form):
    """Anyone's topic for a forum: a coordinator reads it before it is listed."""

    text = TextField(label=_("Your topic"), max_length=TOPIC_LIMIT, help_text=NAMES_REMOVED)
    website = honeypot_field()
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = spam_token()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_spam(data)
        return data
