"""``data/statistics.json``: the numbers behind every chart of the statistics page."""

from __future__ import annotations

import json
from typing import Any

from generator.structure import SiteData
from generator.structure.statistics import Measure


def _measure(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "title": measure.title,
        "unit": measure.unit,
        "note": measure.note,
        "total": measure.total,
        "counts": [{"id": count.id, "label": count.label, "value": count.value} for count in measure.counts],
    }


def statistics_json(data: SiteData) -> str:
    stats = data.statistics
    document = {
        "partnerships": stats.partnerships,
        "undated": stats.undated,
        "measures": [_measure(measure) for measure in (*stats.measures, stats.growth)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
