"""Varied incidents as JSON Lines for the batch benchmark (seeded, so runs compare)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

NATIONS = ["england", "wales", "scotland", "northern_ireland"]


def _dose(rng: random.Random, high: float) -> float:
    return round(rng.choice([rng.uniform(0, high), rng.lognormvariate(0, 1.5)]), rng.choice([1, 2, 3]))


def incident(rng: random.Random) -> dict[str, Any]:
    f: dict[str, Any] = {"jurisdiction": rng.choice(NATIONS)}
    if rng.random() < 0.5:
        f["discovered_on"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.03:
        f["exposed_person"] = rng.choice(["public", "worker"])
        return f
    if rng.random() < 0.9:
        f["age_years"] = rng.choice([rng.randint(0, 95), round(rng.uniform(0, 95), 2)])
    setting = rng.choice(
        ["diagnostic"] * 5
        + ["interventional", "rt_planning_scan", "rt_verification_imaging", "radiotherapy", "nm_therapy"]
    )
    f["setting"] = setting
    f["exposure"] = "accidental" if setting == "diagnostic" and rng.random() < 0.3 else "unintended"
    if setting == "diagnostic":
        if f["exposure"] == "unintended" and rng.random() < 0.95:
            f["intended_dose_msv"] = _dose(rng, 15)
        if rng.random() < 0.95:
            f["total_dose_msv"] = round(f.get("intended_dose_msv", 0) * rng.uniform(1, 15) + _dose(rng, 5), 3)
    elif setting == "interventional":
        f["deterministic_effects"] = rng.random() < 0.5
        f["procedural_failure"] = rng.random() < 0.5
        f["effects_expected"] = rng.random() < 0.5
    elif setting == "rt_planning_scan":
        f["planning_scans_total"] = rng.randint(1, 5)
    elif setting == "rt_verification_imaging":
        f["fraction_images_max"] = rng.randint(1, 5)
        f["setup_error"] = rng.random() < 0.5
        f["course_images_intended"] = rng.randint(1, 35)
        f["course_images_additional"] = rng.randint(0, 20)
        f["additional_images_cause"] = rng.choice(["protocol_failure", "equipment_thematic", "other"])
    elif setting == "radiotherapy":
        f["geographical_miss"] = rng.choice(["none"] * 6 + ["partial", "total"])
        if f["geographical_miss"] == "partial":
            f["miss_margin_factor"] = round(rng.uniform(0, 5), 2)
        for key in ("course_dose_ratio_ptv", "course_dose_ratio_oar", "fraction_dose_ratio_max"):
            f[key] = round(rng.uniform(0.8, 1.3), 3)
    else:
        f["nm_therapy_type"] = rng.choice(["sirt", "other"])
        f["prescribed_activity_mbq"] = rng.choice([1500, 3000, 5500, 7400])
        f["delivered_activity_mbq"] = round(f["prescribed_activity_mbq"] * rng.uniform(0.7, 1.3), 1)
    rare = {
        "individuals_affected": 0.05,
        "equipment_fault": 0.1,
        "clinically_significant": 0.03,
        "theme_identified": 0.03,
        "wrong_radiopharmaceutical": 0.02,
        "licence_breach": 0.01,
    }
    if setting not in ("diagnostic", "nm_therapy"):
        del rare["wrong_radiopharmaceutical"]  # radiopharmaceuticals belong to nuclear medicine
    for key, p in rare.items():
        if rng.random() < p:
            f[key] = rng.randint(2, 6) if key == "individuals_affected" else True
    if rng.random() < 0.03:
        f["foetal_exposure_unintended"] = True
        f["foetal_dose_mgy"] = _dose(rng, 30)
    return f


def write(path: Path, count: int, seed: int = 2023) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(json.dumps(incident(rng)) + "\n")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("incidents.jsonl")
    print(write(target, int(sys.argv[2]) if len(sys.argv) > 2 else 100_000))
