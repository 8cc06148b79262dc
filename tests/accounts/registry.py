"""The county administration for the quality registries (permission matrix, other county,
POST fuzz, accessibility pages): users, tokens and organisations of counties 15 and 13."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from ilmio.accounts.models import ApiToken, Organisation, SignInPolicy, SingleSignOnGroup, User
from ilmio.accounts.services import create_county_token
from ilmio.areas.models import County

MISSING = 999_999
INVALID_LINK = "/admin/county/set-password/eA/ei-kelpaa/"


def organisation_of(county_code: str, name: str) -> Organisation:
    county = County.objects.get(code=county_code)
    found, _ = Organisation.objects.get_or_create(name=name, county=county, defaults={"kind": Organisation.Kind.NGO})
    return found


def sso_group_of(county_code: str, group: str) -> SingleSignOnGroup:
    county = County.objects.get(code=county_code)
    found, _ = SingleSignOnGroup.objects.get_or_create(group=group, defaults={"county": county, "role": "reporter"})
    return found


def token_of(user: User, name: str) -> ApiToken:
    existing = ApiToken.objects.filter(user=user, name=name).first()
    if existing is not None:
        return existing
    token, _key = create_county_token(user, name, scope=ApiToken.Scope.READ,
                                      expires_on=timezone.localdate() + timedelta(days=30), by=None)  # fmt: skip
    return token


# --- the permission matrix (tests/quality/test_permission_matrix.py) ------------------------


def matrix_objects(users: dict[str, Any]) -> dict[str, Any]:
    """County 15's reporter (for the admin's user page) and a user of county 13."""
    county = County.objects.get(code="13")
    other, _ = User.objects.get_or_create(username="county_admin_other_13", defaults={"role": "reporter", "county": county})
    return {"county_user": users["reporter"], "other_county_user": other}


# --- the other-county registry (tests/quality/test_other_county.py) ------------------------

STATE: dict[str, Any] = {}


def state(county: Any) -> Any:
    return (list(User.objects.filter(county=county).order_by("pk").values_list(
                "pk", "role", "is_active", "organisation_id", "email", "password")),
            list(ApiToken.objects.filter(user__county=county).order_by("pk").values_list(
                "pk", "name", "scope", "revoked_at", "expires_at")),
            list(Organisation.objects.filter(county=county).order_by("pk").values_list("pk", "name", "kind")),
            list(SingleSignOnGroup.objects.filter(county=county).order_by("pk").values_list("pk", "group", "role")),
            list(SignInPolicy.objects.filter(county=county).values_list("password_login")))  # fmt: skip


def county_objects(cw: Any) -> dict[str, Any]:
    """A county's organisation and its coordinator's token, tagged; made inside the test's
    savepoint (rolled back after it)."""
    org = organisation_of(cw.code, f"{cw.tag}-organisation-name")
    token = token_of(cw.users["coordinator"], f"{cw.tag}-token-name")
    group = sso_group_of(cw.code, f"{cw.tag}-sso-group")
    STATE[cw.code] = state(cw.county)
    return {"org": org, "token": token, "user": cw.users["coordinator"], "group": group}


def other_unchanged(w: Any, response: Any) -> None:
    assert state(w.other.county) == STATE[w.other.code], "county 13's users, tokens or organisations changed"


def other_county_cases(Case: Any, Req: Any) -> list[Any]:  # noqa: N803 - the test module's classes
    """Every county administration URL and action= branch, as county 15's admin against county 13."""
    cases: list[Any] = []
    add = cases.append
    admin = "admin"

    def on_other_user(method: str, data: Any = None) -> Any:
        def build(w: Any) -> Any:
            made = county_objects(w.other)
            county_objects(w.own)
            body = data(w, made) if callable(data) else data
            return Req(method, f"/admin/county/users/{made['user'].pk}/", body)

        return build

    def on_page(method: str, path: str, data: Any = None) -> Any:
        def build(w: Any) -> Any:
            made = county_objects(w.other)
            own = county_objects(w.own)
            return Req(method, path, data(w, made, own) if callable(data) else data)

        return build

    add(Case("county_admin:user", "GET other user", admin, on_other_user("GET"), control=200, check=other_unchanged))
    for branch, body in [
        ("role", lambda w, m: {"action": "role", "role": "manager"}),
        ("organisation", lambda w, m: {"action": "organisation", "organisation": m["org"].pk}),
        ("deactivate", lambda w, m: {"action": "deactivate"}),
        ("reactivate", lambda w, m: {"action": "reactivate"}),
        ("resend", lambda w, m: {"action": "resend"}),
        ("reset_second_factor", lambda w, m: {"action": "reset_second_factor"}),
    ]:
        # The snapshot of the control does not cover accounts: `changes=False`; the status says it worked.
        add(Case("county_admin:user", f"action={branch} on other user", admin, on_other_user("POST", body),
                 control=302, changes=False, check=other_unchanged))
    add(Case("county_admin:user", "action=organisation: county 13's organisation", admin,
             (lambda w: (county_objects(w.other), Req(
                 "POST", f"/admin/county/users/{w.own.users['reporter'].pk}/",
                 {"action": "organisation", "organisation": county_objects(w.other)["org"].pk}))[1]),
             status=None, missing=lambda w: Req("POST", f"/admin/county/users/{w.own.users['reporter'].pk}/",
                                                {"action": "organisation", "organisation": MISSING}),
             check=other_unchanged))  # fmt: skip
    expires = (timezone.localdate() + timedelta(days=10)).isoformat()
    add(Case("county_admin:tokens", "action=revoke on other token", admin,
             on_page("POST", "/admin/county/tokens/", lambda w, m, o: {"action": "revoke", "token": m["token"].pk}),
             status=None, missing=on_page("POST", "/admin/county/tokens/", lambda w, m, o: {"action": "revoke", "token": MISSING}),
             check=other_unchanged))  # fmt: skip
    add(Case("county_admin:tokens", "action=create on other user", admin,
             on_page("POST", "/admin/county/tokens/", lambda w, m, o: {"action": "create", "user": m["user"].pk,
                                                                       "name": "Uusi ksuomi", "scope": "write",
                                                                       "expires_on": expires}),
             status=None, missing=on_page("POST", "/admin/county/tokens/", lambda w, m, o: {
                 "action": "create", "user": MISSING, "name": "Uusi ksuomi", "scope": "write", "expires_on": expires}),
             check=other_unchanged))  # fmt: skip
    add(Case("county_admin:organisations", "action=save on other organisation", admin,
             on_page("POST", "/admin/county/organisations/", lambda w, m, o: {"action": "save", "item": m["org"].pk,
                                                                              "name": "Muutettu ksuomi", "kind": "parish"}),
             status=None, missing=on_page("POST", "/admin/county/organisations/", lambda w, m, o: {
                 "action": "save", "item": MISSING, "name": "Muutettu ksuomi", "kind": "parish"}),
             check=other_unchanged))  # fmt: skip
    # Adding names no county: the organisation is the administrator's own county's.
    add(Case("county_admin:organisations", "action=add on other county's name", admin,
             on_page("POST", "/admin/county/organisations/", lambda w, m, o: {"action": "add", "name": m["org"].name,
                                                                              "kind": "ngo"}),
             status=302, check=both(other_unchanged, lambda w, r: own_organisation_added(w))))  # fmt: skip
    add(Case("county_admin:settings", "action=unmap_group on other group", admin,
             on_page("POST", "/admin/county/settings/", lambda w, m, o: {"action": "unmap_group", "item": m["group"].pk}),
             status=None, missing=on_page("POST", "/admin/county/settings/", lambda w, m, o: {
                 "action": "unmap_group", "item": MISSING}), check=other_unchanged))  # fmt: skip
    # A group of county 13's is refused (it gives a role in one county only), county 13's mapping stays.
    add(Case("county_admin:settings", "action=map_group on other county's group", admin,
             on_page("POST", "/admin/county/settings/", lambda w, m, o: {"action": "map_group", "group": m["group"].group,
                                                                         "role": "admin"}),
             status=200, check=other_unchanged))  # fmt: skip
    add(Case("county_admin:settings", "action=password_login on other county", admin,
             on_page("POST", "/admin/county/settings/", lambda w, m, o: {"action": "password_login", "allowed": "0"}),
             status=200, check=other_unchanged))  # fmt: skip
    add(Case("county_admin:invite", "POST organisation of county 13", admin,
             on_page("POST", "/admin/county/invite/", lambda w, m, o: {"email": "uusi@example.org", "username": "uusi_ksuomi",
                                                                       "role": "reporter", "language": "fi",
                                                                       "organisation": m["org"].pk}),
             status=None, missing=on_page("POST", "/admin/county/invite/", lambda w, m, o: {
                 "email": "uusi@example.org", "username": "uusi_ksuomi", "role": "reporter", "language": "fi",
                 "organisation": MISSING}), check=other_unchanged))  # fmt: skip
    for name, path, marker in [
        ("county_admin:users", "/admin/county/", "coordinator_15"),
        ("county_admin:tokens", "/admin/county/tokens/", "ksuomi-token-name"),
        ("county_admin:organisations", "/admin/county/organisations/", "ksuomi-organisation-name"),
        ("county_admin:invite", "/admin/county/invite/", "ksuomi-organisation-name"),
        ("county_admin:settings", "/admin/county/settings/", ""),  # SSO is off here: no groups listed
    ]:
        add(Case(name, "GET", admin, on_page("GET", path), status=200,
                 check=both(other_unchanged, (lambda mk: lambda w, r: _contains(r, mk))(marker))))
    add(Case("county_admin:set_password", "GET invalid link", None, lambda w: Req("GET", INVALID_LINK), status=200,
             check=lambda w, r: _contains(r, 'href="/accounts/login/"')))
    return cases


def both(*checks: Any) -> Any:
    def check(w: Any, response: Any) -> None:
        for one in checks:
            one(w, response)

    return check


def _contains(response: Any, marker: str) -> None:
    assert marker in response.content.decode(), f"expected {marker!r} on the page"


def own_organisation_added(w: Any) -> None:
    assert Organisation.objects.filter(county=w.own.county, name=f"{w.other.tag}-organisation-name").exists()


# --- the POST fuzz registry (tests/quality/test_post_fuzz.py) ------------------------------

FUZZ: dict[str, Any] = {}


def fuzz_target(users: dict[str, Any]) -> str:
    """A fresh county-15 user for the admin to change; the path of their page."""
    county = users["admin"].county
    number = User.objects.filter(username__startswith="fuzz_target_").count()
    target = User.objects.create(username=f"fuzz_target_{number}", role="reporter", county=county)
    FUZZ["target"] = target.pk
    FUZZ["org"] = organisation_of("15", "Fuzz-kotihoito").pk
    return f"/admin/county/users/{target.pk}/"


def fuzz_tokens(users: dict[str, Any]) -> str:
    FUZZ["token"] = token_of(users["coordinator"], "fuzz").pk
    FUZZ["user"] = users["coordinator"].pk
    return "/admin/county/tokens/"


def fuzz_organisations() -> str:
    FUZZ["org"] = organisation_of("15", "Fuzz-kotihoito").pk
    return "/admin/county/organisations/"


def fuzz_settings() -> str:
    FUZZ["group_name"] = "Fuzz-ryhma"
    FUZZ["group"] = sso_group_of("15", FUZZ["group_name"]).pk
    return "/admin/county/settings/"


def fuzz_set_password_link() -> str:
    """A fresh invited user's one-time link (the path)."""
    from urllib.parse import urlsplit

    from ilmio.accounts.services import invite_link

    county = County.objects.get(code="15")
    number = User.objects.filter(username__startswith="fuzz_invited_").count()
    user = User(username=f"fuzz_invited_{number}", role="reporter", county=county)
    user.set_unusable_password()
    user.save()
    return urlsplit(invite_link(user)).path


# --- the pages' checks (tests/browser/pages.py, tests/quality/test_ids_and_labels.py) ---------


def page_target(make_user: Any) -> User:
    """A reporter of county 15 with an organisation and a token (reused by the three languages)."""
    user = User.objects.filter(username="admin_page_target").first()
    if user is None:
        user = make_user("reporter", "15", username="admin_page_target")
        user.organisation = organisation_of("15", "Setlementti")
        user.save(update_fields=["organisation"])
        token_of(user, "Integraatio")
    return user


def token_form_data(v: Any) -> dict[str, Any]:
    return {"action": "create", "user": page_target(v.make_user).pk, "name": "Raportointi", "scope": "read",
            "expires_on": (timezone.localdate() + timedelta(days=30)).isoformat()}  # fmt: skip


def set_password_path(make_user: Any) -> str:
    """The one-time link of an invited partner of county 15 (the path)."""
    from urllib.parse import urlsplit

    from ilmio.accounts.services import invite_link

    user = User.objects.filter(username="invited_page").first() or make_user("partner", "15", username="invited_page")
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return urlsplit(invite_link(user)).path
