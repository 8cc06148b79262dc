"""A report classified by staff is confirmed: it becomes training data for the classifier."""

from __future__ import annotations

import pytest

from ilmio.analysis.services import classify_report
from ilmio.core.roles import Role
from ilmio.reports.models import Report
from ilmio.taxonomy.models import Phenomenon
from tests.knowledge.helpers import file

pytestmark = pytest.mark.django_db


def test_classification_is_training_data(make_user):
    coordinator = make_user(Role.COORDINATOR)
    report = file()
    classify_report(report, primary=Phenomenon.objects.get(code="toimeentulo"), by=coordinator)
    assert Report.objects.exclude(classification_confirmed_at=None).count() == 1
