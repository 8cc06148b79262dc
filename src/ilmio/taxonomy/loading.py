"""Idempotent loading of the versioned taxonomy from its JSON file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from ilmio.core.loading import LoadResult, ReferenceDataError, save_changed
from ilmio.taxonomy.models import Phenomenon, ServiceArea, TargetGroup, TaxonomyVersion

TAXONOMY_JSON = Path(__file__).resolve().parent / "data" / "taxonomy.json"


def load_taxonomy(path: Path = TAXONOMY_JSON) -> LoadResult:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version_code = str(data["version"])
        sections: dict[type[Phenomenon | TargetGroup | ServiceArea], list[dict[str, Any]]] = {
            Phenomenon: data["phenomena"],
            TargetGroup: data["target_groups"],
            ServiceArea: data["service_areas"],
        }
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ReferenceDataError(f"{path}: cannot read taxonomy ({error})") from error
    result = LoadResult()
    with transaction.atomic():
        version, created = TaxonomyVersion.objects.get_or_create(
            version=version_code, defaults={"source": data.get("source", "")}
        )
        if created:
            result.count(result.created, "TaxonomyVersion")
        for model, terms in sections.items():
            codes = []
            for position, term in enumerate(terms):
                try:
                    values = {
                        "label_fi": term["label"]["fi"],
                        "label_sv": term["label"]["sv"],
                        "label_en": term["label"]["en"],
                        "position": position,
                        "active": True,
                        "version": version,
                    }
                    if model is Phenomenon:
                        values |= {
                            "description_fi": term["description"]["fi"],
                            "description_sv": term["description"]["sv"],
                            "description_en": term["description"]["en"],
                            "national": bool(term["national"]),
                            "national_since": term.get("national_since"),
                        }
                    codes.append(term["code"])
                except (KeyError, TypeError) as error:
                    raise ReferenceDataError(f"{path}: {model.__name__} #{position}: missing {error}") from error
                save_changed(result, model, {"code": term["code"]}, values)
            # Retired terms stay (old reports use them) but are no longer offered.
            model.objects.exclude(code__in=codes).update(active=False)
    return result
