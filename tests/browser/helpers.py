"""Helpers for the browser tests: the browser, reference data, logging in, axe-core."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model
    from playwright.sync_api import BrowserContext, Page

    from ilmio.accounts.models import User
    from ilmio.reports.models import Report

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("ILMIO_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    # CI containers may have a small /dev/shm: Chromium then hangs instead of failing.
    "--disable-dev-shm-usage",
]  # fmt: skip
PASSWORD = "test-pass-123"
LANGUAGES = ("fi", "sv", "en")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
REFERENCE_APPS = ("areas", "taxonomy")

# A description a hurried professional might type: every detail must be removed.
LEAKY_TEXT = "Asiakas Matti Virtanen, hetu 131052-308T, puh. 040 765 4321, menetti asuntonsa vuokrarästien takia."
LEAKED = ("Virtanen", "131052-308T", "040 765 4321")


class ReferenceSnapshot:
    """Geography and taxonomy, put back quickly after a live-server test flushed them.

    The shared loader parses the CSV/JSON files row by row (~2 s); a live_server test's
    database is flushed after every test, so here the rows are read once and put back
    with one multi-row INSERT per table (~0.1 s).
    """

    def __init__(self) -> None:
        self._tables: list[tuple[type[Model], str, list[tuple[Any, ...]]]] | None = None

    def restore(self) -> None:
        from django.core.management.color import no_style
        from django.db import connection, transaction

        from ilmio.areas.models import Municipality
        from tests.conftest import ensure_reference_data

        if self._tables is None:
            ensure_reference_data()
            self._tables = [_table_snapshot(model) for model in _reference_models()]
            return
        if Municipality.objects.exists():
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for _model, insert, rows in self._tables:
                cursor.executemany(insert, rows)
            for statement in connection.ops.sequence_reset_sql(
                no_style(), [m for m, _, _ in self._tables]
            ):
                cursor.execute(statement)


def _table_snapshot(model: type[Model]) -> tuple[type[Model], str, list[tuple[Any, ...]]]:
    from django.db import connection

    fields = model._meta.concrete_fields
    quote = connection.ops.quote_name
    insert = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        tuple(
            f.get_db_prep_save(value, connection) for f, value in zip(fields, values, strict=True)
        )
        for values in model.objects.order_by("pk").values_list(*(f.attname for f in fields))
    ]
    return model, insert, rows


def _reference_models() -> list[type[Model]]:
    """The reference apps' models, each after the models it points to."""
    from django.apps import apps

    pending = [m for label in REFERENCE_APPS for m in apps.get_app_config(label).get_models()]
    ordered: list[type[Model]] = []
    while pending:
        for model in pending:
            targets = {f.related_model for f in model._meta.concrete_fields if f.is_relation}
            if all(t in ordered or t is model or t not in pending for t in targets):
                ordered.append(model)
                pending.remove(model)
                break
        else:  # pragma: no cover - a cycle between reference tables
            raise RuntimeError(f"cannot order reference models: {pending}")
    return ordered


def sign_in(context: BrowserContext, site: str, user: User) -> None:
    """A logged-in session without the log-in form (that is tested once, in test_login)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": site}])


def use_language(context: BrowserContext, site: str, language: str) -> None:
    """What the header's language buttons remember: the language cookie."""
    from django.conf import settings

    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": site}])


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Through the real log-in form, as a person would."""
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def create_report(user: User) -> Report:
    """A report sent through the staff form (server side), as ``user`` would send it."""
    from django.test import Client

    from ilmio.reports.models import Report
    from tests.reports.helpers import staff_form_data

    client = Client()
    client.force_login(user)
    before = set(Report.objects.values_list("pk", flat=True))
    response = client.post(
        "/reports/new/",
        staff_form_data(step="confirm", idempotency_key=f"browser-{len(before)}-key"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Report.objects.exclude(pk__in=before).get()


def axe_violations(page: Page, axe_js: Path) -> list[dict[str, Any]]:
    """Run axe-core (injected from node_modules, never a CDN) on the page's WCAG 2.1 A/AA rules."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_js))
    return list(page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')),
                summary: v.nodes.length ? v.nodes[0].failureSummary : '',
            }));
        }""",
        AXE_TAGS,
    ))  # fmt: skip


def broken_id_references(page: Page) -> list[str]:
    """aria-describedby/-labelledby/-controls and label[for] pointing at ids that do not exist.

    axe reports a reference of which some ids exist only as "needs review", yet such help
    texts and error messages are silently never read out by a screen reader.
    """
    return list(page.evaluate(
        """() => {
            const broken = [];
            for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']) {
                for (const el of document.querySelectorAll(`[${attr}]`)) {
                    for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                        if (!document.getElementById(id)) broken.push(`${el.outerHTML.slice(0, 100)}: ${attr} → #${id}`);
                    }
                }
            }
            return broken;
        }"""
    ))  # fmt: skip


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(v["targets"][:5]) + (" …" if len(v["targets"]) > 5 else "")
        lines.append(
            f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})\n      on: {targets}\n      {v['summary']}"
        )
    return "\n".join(lines)
