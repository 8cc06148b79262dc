"""Notifications of shortcomings for the quality registries (permission matrix, other county,
POST fuzz): one in county 15 and one in county 13, filed by reporters of each county."""

from __future__ import annotations

from typing import Any

from ilmio.accounts.models import Organisation, User
from ilmio.areas.models import County
from ilmio.core.roles import Role
from ilmio.shortcomings.models import Shortcoming
from ilmio.shortcomings.services import file_shortcoming


def unit_of(county_code: str, tag: str = "") -> Organisation:
    county = County.objects.get(code=county_code)
    found, _ = Organisation.objects.get_or_create(name=f"Kotihoito {tag or county_code}", county=county,
                                                  defaults={"kind": Organisation.Kind.COUNTY})  # fmt: skip
    return found


def notifier_of(county_code: str) -> User:
    county = County.objects.get(code=county_code)
    user, _ = User.objects.get_or_create(username=f"shortcoming_notifier_{county_code}",
                                         defaults={"role": Role.REPORTER, "county": county})  # fmt: skip
    return user


def shortcoming_in(county_code: str, *, by: Any = None, what: str = "Lääkkeet jäävät antamatta iltavuorossa.",
                   tag: str = "") -> Shortcoming:  # fmt: skip
    return file_shortcoming(unit=unit_of(county_code, tag), service_area=Shortcoming.ServiceArea.OLDER_PEOPLE,
                            what=what, by=by or notifier_of(county_code))  # fmt: skip


def matrix_objects(users: dict[str, Any]) -> dict[str, Any]:
    """For the permission matrix: county 15's notification by its reporter, and county 13's."""
    return {"shortcoming": shortcoming_in("15", by=users["reporter"]), "other_shortcoming": shortcoming_in("13")}


# --- the other-county registry (tests/quality/test_other_county.py) ------------------------

STATE: dict[str, Any] = {}
MISSING = 999_999


def county_world_shortcoming(cw: Any) -> dict[str, Any]:
    """A county's acknowledged notification with one corrective action, every text tagged;
    made inside the test's savepoint (rolled back after it)."""
    from ilmio.shortcomings.services import acknowledge, add_corrective_action

    tag = cw.tag
    unit = unit_of(cw.code, f"{tag}-unit-name")
    existing = Shortcoming.objects.filter(unit=unit).order_by("pk").first()
    if existing is not None:  # made for the same test already (the request and its "missing" twin)
        return {"shortcoming": existing, "action": existing.actions.get(), "unit": unit}
    made = file_shortcoming(unit=unit, service_area=Shortcoming.ServiceArea.OLDER_PEOPLE,
                            what=f"Lääkkeet jäävät antamatta {tag}-shortcoming-what.", by=cw.users["reporter"])  # fmt: skip
    acknowledge(made, by=cw.users["manager"])
    action = add_corrective_action(made, f"Perehdytys {tag}-corrective-action.", by=cw.users["manager"])
    STATE[cw.code] = state(cw.county)
    return {"shortcoming": made, "action": action, "unit": unit}


def state(county: Any) -> Any:
    from ilmio.shortcomings.models import CorrectiveAction, ShortcomingStep

    return (list(Shortcoming.objects.filter(county=county).order_by("pk").values_list(
                "pk", "status", "receiver_id", "acknowledged_at", "escalated_at", "closed_at", "what", "unit_id")),
            list(CorrectiveAction.objects.filter(shortcoming__county=county).order_by("pk").values_list(
                "pk", "what", "done_at", "owner_id")),
            ShortcomingStep.objects.filter(shortcoming__county=county).count())  # fmt: skip


def other_unchanged(w: Any, response: Any) -> None:
    assert state(w.other.county) == STATE[w.other.code], "county 13's notifications of shortcomings changed"


BRANCHES: dict[str, dict[str, Any]] = {
    "acknowledge": {}, "start": {}, "corrected": {},
    "add_action": {"what": "Uusi toimenpide ksuomi"},
    "complete_action": {"item": "__action__"},
    "unfounded": {"reason": "Aiheeton ksuomi"},
    "escalate": {"reason": "Ei korjattu ksuomi"},
}  # fmt: skip


def other_county_cases(Case: Any, Req: Any) -> list[Any]:  # noqa: N803 - the test module's classes
    """Every shortcomings URL and action= branch, as a county-15 user against county 13."""
    cases: list[Any] = []
    add = cases.append

    def on_other(method: str, suffix: str = "", data: dict[str, Any] | None = None) -> Any:
        def build(w: Any) -> Any:
            made = county_world_shortcoming(w.other)
            body = {k: (made["action"].pk if v == "__action__" else v) for k, v in (data or {}).items()}
            return Req(method, f"/shortcomings/{made['shortcoming'].pk}/{suffix}", body or None)

        return build

    def with_other(method: str, path: str, data: Any = None) -> Any:
        """A request on county 15's own page while county 13 has a notification."""

        def build(w: Any) -> Any:
            made = county_world_shortcoming(w.other)
            return Req(method, path if not callable(path) else path(w), data(w, made) if callable(data) else data)

        return build

    def own_with(data: Any) -> Any:
        """A step on county 15's own notification naming county 13's object (or a missing one)."""

        def build(w: Any) -> Any:
            other_action = county_world_shortcoming(w.other)["action"]
            own = county_world_shortcoming(w.own)["shortcoming"]
            return Req("POST", f"/shortcomings/{own.pk}/", data(w, other_action))

        return build

    for role in ("reporter", "manager"):
        add(Case("shortcomings:detail", "GET other shortcoming", role, on_other("GET"), control=200, check=other_unchanged))
        add(Case("shortcomings:letter", "GET other shortcoming's letter", role, on_other("GET", "letter.pdf"),
                 control=200, check=other_unchanged))
        add(Case("shortcomings:detail", "action=escalate on other shortcoming", role,
                 on_other("POST", "", {"action": "escalate", **BRANCHES["escalate"]}), check=other_unchanged))
    for branch, data in BRANCHES.items():
        if branch == "escalate":
            continue
        add(Case("shortcomings:detail", f"action={branch} on other shortcoming", "manager",
                 on_other("POST", "", {"action": branch, **data}), check=other_unchanged))
    add(Case("shortcomings:detail", "action=complete_action: other county's action", "manager",
             own_with(lambda w, a: {"action": "complete_action", "item": a.pk}), status=None,
             missing=own_with(lambda w, a: {"action": "complete_action", "item": MISSING}), check=other_unchanged))
    add(Case("shortcomings:detail", "action=add_action: owner from county 13", "manager",
             own_with(lambda w, a: {"action": "add_action", "what": "Toimenpide ksuomi", "owner": w.other.users["manager"].pk}),
             status=None, missing=own_with(lambda w, a: {"action": "add_action", "what": "Toimenpide ksuomi",
                                                         "owner": MISSING}), check=other_unchanged))  # fmt: skip

    def new_with_unit(pick: Any) -> Any:
        return with_other("POST", "/shortcomings/new/", lambda w, made: {
            "unit": pick(made), "service_area": Shortcoming.ServiceArea.OTHER, "what": "Puutteita ksuomi",
            "safety_at_risk_now": "no"})  # fmt: skip

    add(Case("shortcomings:new", "POST unit of county 13", "reporter", new_with_unit(lambda m: m["unit"].pk),
             status=None, missing=new_with_unit(lambda m: MISSING), check=other_unchanged))
    add(Case("shortcomings:new", "GET", "reporter", with_other("GET", "/shortcomings/new/"), status=200,
             check=other_unchanged))
    add(Case("shortcomings:mine", "GET", "reporter", with_other("GET", "/shortcomings/mine/"), status=200,
             check=other_unchanged))
    add(Case("shortcomings:workbench", "GET", "manager", with_other("GET", "/shortcomings/"), status=200,
             check=other_unchanged))
    add(Case("shortcomings:annual", "GET", "manager", with_other("GET", "/shortcomings/annual/2025/"), status=200,
             check=other_unchanged))

    # The API: the same access as the pages.
    def api_other(w: Any) -> Any:
        made = county_world_shortcoming(w.other)
        return Req("GET", f"/api/v1/shortcomings/{made['shortcoming'].pk}", api_json=True)

    def api_new(pick: Any) -> Any:
        def build(w: Any) -> Any:
            made = county_world_shortcoming(w.other)
            return Req("POST", "/api/v1/shortcomings", {"unit": pick(made), "service_area": "other",
                                                         "what": "Puutteita ksuomi"}, api_json=True)  # fmt: skip

        return build

    for role in ("reporter", "manager"):
        add(Case("api:get_shortcoming", "GET other shortcoming", role, api_other, control=200, check=other_unchanged))
        add(Case("api:list_shortcomings", "GET", role, lambda w: (county_world_shortcoming(w.other),
                 Req("GET", "/api/v1/shortcomings", api_json=True))[1], status=200, check=other_unchanged))
    add(Case("api:create_shortcoming", "POST unit of county 13", "reporter", api_new(lambda m: m["unit"].pk),
             status=None, missing=api_new(lambda m: MISSING), check=other_unchanged))
    return cases


# --- the POST fuzz registry (tests/quality/test_post_fuzz.py) ------------------------------

FUZZ: dict[str, Any] = {}


def fuzz_path(users: dict[str, Any], *, acknowledged: bool = True) -> str:
    """A fresh notification of county 15 by the fuzz reporter (acknowledged by the fuzz
    manager, with one corrective action, unless asked otherwise); its page's path."""
    from ilmio.shortcomings.services import acknowledge, add_corrective_action

    made = shortcoming_in("15", by=users["reporter"], tag="fuzz")
    FUZZ["unit"] = made.unit_id
    if acknowledged:
        acknowledge(made, by=users["manager"])
        FUZZ["action"] = add_corrective_action(made, "Perehdytys", by=users["manager"]).pk
    return f"/shortcomings/{made.pk}/"


def fuzz_unit() -> int:
    return unit_of("15", "fuzz").pk
