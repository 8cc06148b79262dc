"""Forms of the idea box: an idea from staff or the public, and the coordinator's decision."""

from __future__ import annotations

from typing import Any

from django import forms
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
    QUESTION_LIMIT,
    RESPONSE_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
)
from ilmio.reports.forms import MunicipalityField
from ilmio.taxonomy.models import Phenomenon

NAMES_REMOVED = _("Names and other identifying details are removed before saving.")


class IdeaForm(forms.Form):
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

    def language(self) -> str:
        language = (get_language() or "fi")[:2]
        return language if language in ("fi", "sv", "en") else "fi"


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


class AnswerForm(forms.Form):
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

    def language(self) -> str:
        language = (get_language() or "fi")[:2]
        return language if language in ("fi", "sv", "en") else "fi"


class ClassifyAnswerForm(forms.Form):
    item = IdField()
    phenomenon = forms.ModelChoiceField(Phenomenon.objects.filter(active=True), to_field_name="code", required=False)
