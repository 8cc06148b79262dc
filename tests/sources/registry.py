"""Source documents for the quality registries (permission matrix, other county, POST fuzz)."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

from ilmio.accounts.models import User
from ilmio.areas.models import County, Municipality
from ilmio.core.roles import Role
from ilmio.sources.models import Finding, SourceDocument
from ilmio.sources.services import add_finding, publish_document, save_document
from ilmio.taxonomy.models import Phenomenon
from tests.sources.helpers import PDF_BYTES, docx_bytes

MISSING = 999_999


def writer_of(county_code: str) -> User:
    county = County.objects.get(code=county_code)
    user, _ = User.objects.get_or_create(username=f"source_writer_{county_code}",
                                         defaults={"role": Role.COORDINATOR, "county": county})  # fmt: skip
    return user


def document_in(county_code: str, *, by: Any = None, title: str = "Sosiaaliasiavastaavan selvitys",
                finding: str = "Asunnottomuus lisääntyy.", published: bool = True) -> SourceDocument:  # fmt: skip
    """A document of the county with one finding on asuminen, published unless asked otherwise."""
    writer = by or writer_of(county_code)
    made = save_document(by=writer, kind=SourceDocument.Kind.SOCIAL_OMBUDSMAN, title=title, year=2025,
                         upload=SimpleUploadedFile("selvitys.pdf", PDF_BYTES))  # fmt: skip
    add_finding(made, finding, by=writer, phenomena=[Phenomenon.objects.get(code="asuminen")])
    if published:
        publish_document(made, by=writer)
    return made


def matrix_objects(users: dict[str, Any]) -> dict[str, Any]:
    """For the permission matrix: county 15's published and draft documents, and county 13's."""
    return {"source": document_in("15", by=users["coordinator"]),
            "source_draft": document_in("15", by=users["coordinator"], published=False),
            "other_source": document_in("13")}  # fmt: skip


# --- the other-county registry (tests/quality/test_other_county.py) ------------------------

STATE: dict[str, Any] = {}


def county_world_document(cw: Any) -> dict[str, Any]:
    """A county's published document with one finding, every text tagged; made inside the
    test's savepoint (rolled back after it)."""
    tag = cw.tag
    existing = SourceDocument.objects.filter(county=cw.county).order_by("pk").first()
    if existing is not None:  # made for the same test already (the request and its "missing" twin)
        return {"document": existing, "finding": existing.findings.get()}
    made = document_in(cw.code, by=cw.users["coordinator"], title=f"Selvitys {tag}-source-title",
                       finding=f"Asunnottomuus {tag}-source-finding.")  # fmt: skip
    STATE[cw.code] = state(cw.county)
    return {"document": made, "finding": made.findings.get()}


def state(county: Any) -> Any:
    return (list(SourceDocument.objects.filter(county=county).order_by("pk").values_list(
                "pk", "title", "published", "file", "summary", "year", "kind")),
            list(Finding.objects.filter(document__county=county).order_by("pk").values_list(
                "pk", "document_id", "text", "position")),
            sorted(Finding.phenomena.through.objects.filter(finding__document__county=county).values_list(
                "finding_id", "phenomenon_id")))  # fmt: skip


def other_unchanged(w: Any, response: Any) -> None:
    assert state(w.other.county) == STATE[w.other.code], "county 13's source documents changed"


BRANCHES: dict[str, dict[str, Any]] = {
    "add_finding": {"text": "Uusi havainto ksuomi", "phenomena": ["asuminen"]},
    "edit_finding": {"item": "__finding__", "text": "Muutettu ksuomi"},
    "delete_finding": {"item": "__finding__"},
    "publish": {},
}  # fmt: skip


def other_county_cases(Case: Any, Req: Any) -> list[Any]:  # noqa: N803 - the test module's classes
    """Every sources URL and action= branch, as a county-15 user against county 13."""
    cases: list[Any] = []
    add = cases.append

    def on_other(method: str, suffix: str = "", data: dict[str, Any] | None = None) -> Any:
        def build(w: Any) -> Any:
            made = county_world_document(w.other)
            body = {k: (made["finding"].pk if v == "__finding__" else v) for k, v in (data or {}).items()}
            return Req(method, f"/sources/{made['document'].pk}/{suffix}", body or None)

        return build

    def with_other(method: str, path: str, data: Any = None) -> Any:
        def build(w: Any) -> Any:
            made = county_world_document(w.other)
            return Req(method, path, data(w, made) if callable(data) else data)

        return build

    def own_with(data: Any) -> Any:
        """A step on county 15's own document naming county 13's finding (or a missing one)."""

        def build(w: Any) -> Any:
            other = county_world_document(w.other)["finding"]
            own = county_world_document(w.own)["document"]
            return Req("POST", f"/sources/{own.pk}/", data(w, other))

        return build

    for role in ("coordinator", "manager", "decision_maker"):
        add(Case("sources:detail", "GET other source document", role, on_other("GET"), control=200,
                 check=other_unchanged))  # fmt: skip
        add(Case("sources:list", "GET", role, with_other("GET", "/sources/"), status=200, check=other_unchanged))
        add(Case("sources:list", "GET search", role, with_other("GET", "/sources/?q=source"), status=200,
                 check=other_unchanged))
        add(Case("api:get_document", "GET other source document", role,
                 lambda w: Req("GET", f"/api/v1/sources/documents/{county_world_document(w.other)['document'].pk}",
                               api_json=True), control=200, check=other_unchanged))  # fmt: skip
        add(Case("api:list_documents", "GET", role, lambda w: (county_world_document(w.other),
                 Req("GET", "/api/v1/sources/documents?q=source", api_json=True))[1], status=200,
                 check=other_unchanged))  # fmt: skip
    for role in ("coordinator", "manager"):
        add(Case("sources:file", "GET other source document's file", role, on_other("GET", "file"), control=200,
                 check=other_unchanged))  # fmt: skip
    for branch, data in BRANCHES.items():
        add(Case("sources:detail", f"action={branch} on other source document", "coordinator",
                 on_other("POST", "", {"action": branch, **data}), check=other_unchanged))  # fmt: skip
    for branch in ("edit_finding", "delete_finding"):
        add(Case("sources:detail", f"action={branch}: other county's finding", "coordinator",
                 own_with(lambda w, f, b=branch: {"action": b, "item": f.pk, "text": "Muutettu ksuomi"}), status=None,
                 missing=own_with(lambda w, f, b=branch: {"action": b, "item": MISSING, "text": "Muutettu ksuomi"}),
                 check=other_unchanged))  # fmt: skip
    # County 13's municipality is refused (municipalities are public: no secret to keep apart).
    add(Case("sources:detail", "action=add_finding: municipality of county 13", "coordinator",
             own_with(lambda w, f: {"action": "add_finding", "text": "Havainto ksuomi", "municipalities": ["297"]}),
             status=302, check=other_unchanged))  # fmt: skip
    add(Case("sources:list", "POST upload naming county 13's municipality", "coordinator",
             with_other("POST", "/sources/", lambda w, made: {
                 "kind": "research", "title": "Tutkimus ksuomi", "year": "2025", "language": "fi",
                 "municipalities": ["297"], "file": SimpleUploadedFile("tutkimus.pdf", PDF_BYTES)}),
             status=200, check=other_unchanged))  # fmt: skip
    return cases


# --- the POST fuzz registry (tests/quality/test_post_fuzz.py) ------------------------------

FUZZ: dict[str, Any] = {}


def fuzz_path(users: dict[str, Any]) -> str:
    """A fresh draft document of county 15 with one finding, by the fuzz coordinator; its page."""
    made = document_in("15", by=users["coordinator"], published=False)
    FUZZ["finding"] = made.findings.get().pk
    return f"/sources/{made.pk}/"


def fuzz_file() -> st.SearchStrategy[Any]:
    """Random uploads: a real PDF or DOCX, named right or wrong, and random bytes."""
    contents = st.one_of(st.sampled_from([PDF_BYTES, docx_bytes(), docx_bytes(with_document=False), b"MZ\x90\x00"]),
                         st.binary(max_size=300))  # fmt: skip
    names = st.sampled_from(["selvitys.pdf", "kertomus.docx", "ohjelma.exe", "../../etc/selvitys.pdf", "x" * 300 + ".pdf"])
    return st.builds(lambda content, name: SimpleUploadedFile(name, content), contents, names)


def municipality_codes() -> list[str]:
    return [Municipality.objects.filter(county__code="15").order_by("code").values_list("code", flat=True)[0], "297"]
