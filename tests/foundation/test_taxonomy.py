from __future__ import annotations

import pytest

from ilmio.taxonomy.loading import load_taxonomy
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup

pytestmark = pytest.mark.django_db

PHENOMENA = ["asuminen", "mielenterveys", "paihteet", "toimeentulo", "palvelujarjestelma",
             "osallisuus", "yhdenvertaisuus", "tyo_koulutus", "vakivalta", "digitalisaatio"]  # fmt: skip
TARGET_GROUPS = ["lapset_nuoret", "lapsiperheet", "tyoikaiset", "ikaantyneet", "vammaiset",
                 "maahanmuuttajat", "koko_vaesto"]  # fmt: skip


def test_exact_phenomenon_codes_in_order(reference_data):
    assert list(Phenomenon.objects.values_list("code", flat=True)) == PHENOMENA


def test_national_phenomena_flagged(reference_data):
    national = set(Phenomenon.objects.filter(national=True).values_list("code", flat=True))
    assert national == {"asuminen", "mielenterveys", "paihteet", "toimeentulo"}
    assert Phenomenon.objects.get(code="asuminen").national_since == 2023


def test_target_groups_and_service_areas(reference_data):
    assert list(TargetGroup.objects.values_list("code", flat=True)) == TARGET_GROUPS
    assert ServiceArea.objects.count() >= 5


def test_every_term_has_three_languages(reference_data):
    for model in (Phenomenon, TargetGroup, ServiceArea):
        for term in model.objects.all():
            assert term.label_fi and term.label_sv and term.label_en, term.code
            assert len({term.label_fi, term.label_sv}) == 2, f"{term.code}: Swedish label not translated"


def test_reload_is_idempotent(reference_data):
    result = load_taxonomy()
    assert result.created == {} and result.updated == {}
