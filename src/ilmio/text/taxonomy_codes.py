"""Phenomenon and target-group codes used by the text core.

The Django taxonomy app owns the human-readable labels; the core only needs the codes,
and other parts of the product rely on these exact strings.
"""

from __future__ import annotations

PHENOMENA: tuple[str, ...] = (
    "asuminen",
    "mielenterveys",
    "paihteet",
    "toimeentulo",
    "palvelujarjestelma",
    "osallisuus",
    "yhdenvertaisuus",
    "tyo_koulutus",
    "vakivalta",
    "digitalisaatio",
)

TARGET_GROUPS: tuple[str, ...] = (
    "lapset_nuoret",
    "lapsiperheet",
    "tyoikaiset",
    "ikaantyneet",
    "vammaiset",
    "maahanmuuttajat",
    "koko_vaesto",
)

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
