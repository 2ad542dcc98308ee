"""Loading the YAML tables of worked cases used by the engine and CLI tests."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
NATIONS = ("england", "wales", "scotland", "northern_ireland")
CODE = re.compile(r"^([MEVC]*)(\d+(?:\.\d+[a-c]?)?)$")


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def public_scenarios() -> list[dict[str, Any]]:
    return list(yaml.safe_load((HERE.parent / "scenarios_public.yaml").read_text(encoding="utf-8")))


def threshold_cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(id, facts, expect) for every case in cases/thresholds.yaml, expanded per nation where asked."""
    out = []
    for group in yaml.safe_load((HERE / "cases" / "thresholds.yaml").read_text(encoding="utf-8")):
        nations = NATIONS if group.get("per_nation") else (None,)
        for nation in nations:
            for case in group["cases"]:
                facts = dict(group.get("base", {})) | dict(case["facts"])
                if nation:
                    facts["jurisdiction"] = nation
                label = ", ".join(f"{k}={v}" for k, v in case["facts"].items()) or "base"
                name = f"{group['group']} [{nation or facts.get('jurisdiction')}: {label}]"
                out.append((name, {k: plain(v) for k, v in facts.items()}, case["expect"]))
    return out


def code_sets(codes: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    base: set[str] = set()
    letters: set[str] = set()
    for c in codes:
        m = CODE.match(c)
        assert m, f"code {c!r} is not in the form the notification form wants"
        base.add(m.group(2))
        letters.update(m.group(1))
    return frozenset(base), frozenset(letters)


def check(expect: dict[str, Any], out: dict[str, Any]) -> list[str]:
    """Differences between a decision (as JSON) and what a case expects."""
    errs = []
    if "verdict" in expect and out["verdict"] != expect["verdict"]:
        errs.append(f"verdict {out['verdict']!r} != {expect['verdict']!r}")
    if out["notifiable"] != (out["verdict"] == "notify"):
        errs.append("notifiable disagrees with verdict")
    options = expect.get("codes_any_of") or ([expect["codes"]] if "codes" in expect else None)
    if options is not None and not any(code_sets(out["codes"]) == code_sets(o) for o in options):
        errs.append(f"codes {out['codes']!r} not in {options!r}")
    if "authority" in expect and out["authority"].get("id") != expect["authority"]:
        errs.append(f"authority {out['authority'].get('id')!r} != {expect['authority']!r}")
    if "also_report_to" in expect:
        ids = {b["id"] for b in out["also_report_to"]}
        if set(expect["also_report_to"]) - ids:
            errs.append(f"also_report_to {sorted(ids)} lacks {expect['also_report_to']}")
    if "deadlines" in expect:
        want = expect["deadlines"]
        want = {k: plain(v) for k, v in want.items()} if want else None
        if out["deadlines"] != want:
            errs.append(f"deadlines {out['deadlines']} != {want}")
    if "missing_exactly" in expect and out["missing"] != expect["missing_exactly"]:
        errs.append(f"missing {out['missing']} != {expect['missing_exactly']}")
    for key in ("missing", "codes_need"):
        if key in expect and set(expect[key]) - set(out[key]):
            errs.append(f"{key} {out[key]} lacks {expect[key]}")
    return errs
