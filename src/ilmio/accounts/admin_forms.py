"""Forms of the county administration: invite a user, change a role or organisation, API
tokens and organisations. Ids sent back are resolved through ilmio.accounts.access."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ilmio.accounts.access import county_organisations_for, county_users_for
from ilmio.accounts.models import ApiToken, Organisation
from ilmio.accounts.services import county_roles
from ilmio.core.forms import IdField, SafeDateField, TextField

LANGUAGE_CHOICES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]


def role_choices() -> list[tuple[str, Any]]:
    return [(role.value, role.label) for role in county_roles()]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254,
                             help_text=_("The invitation with a link to set the password is sent here."))  # fmt: skip
    username = TextField(label=_("Username"), max_length=150, validators=[UnicodeUsernameValidator()],
                         help_text=_("Letters, digits and @ . + - _ only."))  # fmt: skip
    first_name = TextField(label=_("First name"), max_length=150, required=False)
    last_name = TextField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=role_choices)
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("Organisation"), required=False,
                                          empty_label=_("No organisation"))  # fmt: skip
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=LANGUAGE_CHOICES, initial="fi")

    def __init__(self, *args: Any, admin: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = county_organisations_for(admin)

    def clean_username(self) -> str:
        return (self.cleaned_data.get("username") or "").strip()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=role_choices)


class UserOrganisationForm(forms.Form):
    organisation = IdField(required=False, widget=forms.Select)


class TokenForm(forms.Form):
    user = IdField(label=_("User"), widget=forms.Select)
    name = TextField(label=_("Name of the token"), max_length=100, error_messages={"required": _("Name the token.")},
                     help_text=_("Which system uses it, e.g. \"case management integration\"."))  # fmt: skip
    scope = forms.ChoiceField(label=_("Scope"), choices=ApiToken.Scope.choices, widget=forms.RadioSelect,
                              initial=ApiToken.Scope.READ)  # fmt: skip
    expires_on = SafeDateField(label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               help_text=_("At most a year from today."))  # fmt: skip

    def __init__(self, *args: Any, admin: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if admin is not None:
            user = self.fields["user"]
            user.widget.choices = [("", _("Choose a user"))] + [
                (u.pk, u.get_full_name() or u.username) for u in county_users_for(admin).filter(is_active=True)
                .order_by("username")]  # fmt: skip
        if not self.is_bound:
            self.initial.setdefault("expires_on", timezone.localdate() + timedelta(days=ApiToken.MAX_LIFETIME_DAYS - 1))

    def clean_name(self) -> str:
        value = (self.cleaned_data.get("name") or "").strip()
        if not value:
            raise forms.ValidationError(_("Name the token."))
        return value


class TokenItemForm(forms.Form):
    token = IdField()


class OrganisationForm(forms.Form):
    name = TextField(label=_("Name"), max_length=200, error_messages={"required": _("Name the organisation.")})
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)

    def clean_name(self) -> str:
        value = (self.cleaned_data.get("name") or "").strip()
        if not value:
            raise forms.ValidationError(_("Name the organisation."))
        return value


class OrganisationItemForm(OrganisationForm):
    item = IdField()


class SsoGroupForm(forms.Form):
    group = TextField(label=_("Group in the identity provider"), max_length=200,
                      help_text=_("As the provider sends it in the group claim: a name, or an id such as "
                                  "Entra ID's object id."))  # fmt: skip
    role = forms.ChoiceField(label=_("Role in Ilmiö"), choices=role_choices)


class SsoGroupItemForm(forms.Form):
    item = IdField()


class PasswordLoginForm(forms.Form):
    allowed = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")
