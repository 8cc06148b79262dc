"""`ilmio demo` is built only into its own database: over real accounts or real reports it
refuses, changes nothing and resets no password."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ilmio.accounts.models import User
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio_demo.world import build_demo

pytestmark = pytest.mark.django_db


def test_a_real_account_stops_the_demo(make_user):
    admin = make_user(Role.ADMIN, username="oikea_yllapitaja")
    before = admin.password
    with pytest.raises(CommandError, match="not the demo's"):
        call_command("demo", no_serve=True, reports=0)
    admin.refresh_from_db()
    assert admin.password == before
    assert not User.objects.filter(username="koordinaattori").exists()


def test_an_account_named_like_a_demo_user_keeps_its_password(make_user):
    real = make_user(Role.ADMIN, username="yllapitaja")
    real.email = "it@hyvinvointialue.fi"
    real.save()
    before = real.password
    with pytest.raises(CommandError, match="demo user's name"):
        call_command("demo", no_serve=True, reports=0)
    real.refresh_from_db()
    assert real.password == before


def test_the_demo_builds_again_over_its_own_data(reference_data):
    build_demo(reports=30, with_loop=False, with_statistics=False)
    demo_reports = Report.objects.count()
    call_command("demo", no_serve=True, reports=30)  # its own data: fine, and nothing doubled
    assert Report.objects.count() == demo_reports
