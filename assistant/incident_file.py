"""Reading incidents from YAML or JSON files, stdin, or JSON Lines batches."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.validation import InputError, declared_not_known, normalise_enum, parse_facts
from assistant.yaml_io import DuplicateKeyError, load_yaml

DETAILS_KEY = "details"  # free text for drafts; not a fact, never judged


@dataclass(frozen=True)
class Incident:
    facts: dict[str, Any]
    details: dict[str, Any] = field(default_factory=dict)
    # Circumstances given as null: "not known", so never assumed absent (see assess's `not_known`).
    not_known: frozenset[str] = frozenset()


def read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read().removeprefix("\ufeff")
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")  # a byte-order mark is not part of the text
    except FileNotFoundError:
        raise InputError([f"No such file: {source}."]) from None
    except IsADirectoryError:
        raise InputError([f"{source} is a folder; give a YAML or JSON file."]) from None
    except UnicodeDecodeError:
        raise InputError([f"{source} is not UTF-8 text; give a YAML or JSON file."]) from None
    except OSError as err:
        raise InputError([f"Cannot read {source}: {err.strerror}."]) from None


def parse_document(text: str, name: str = "input") -> Any:
    """YAML (a superset of the JSON irmer reads); syntax errors name the line."""
    if not text.strip():
        raise InputError([f"{name} is empty: give the incident's facts as YAML or JSON, at least `jurisdiction`."])
    if text.lstrip().startswith("{"):
        # JSON proper first: it reads NaN and Infinity as numbers, so they are
        # reported as such; anything it rejects may still be YAML flow style.
        try:
            return json.loads(text, object_pairs_hook=_no_duplicates)
        except json.JSONDecodeError:
            pass
        except DuplicateKeyError as err:
            raise InputError([f"In {name}, {err}"]) from None
        except RecursionError:
            raise InputError([_too_deep(name)]) from None
    try:
        return load_yaml(text)
    except DuplicateKeyError as err:
        raise InputError([f"In {name}, {err}"]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError([f"{name} is not valid YAML or JSON{where}: {err.problem or err}."]) from None
    except yaml.YAMLError as err:
        raise InputError([f"{name} is not valid YAML or JSON: {err}."]) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKeyError(f"`{key}` is given twice; give it once.")
        out[key] = value
    return out


def with_nation(raw: Any, nation: str | None, name: str) -> Any:
    """The incident with `--jurisdiction`'s nation where it gives none; a different one is an error."""
    if nation is None or not isinstance(raw, dict):
        return raw
    if raw.get("jurisdiction") is None:  # left out, or null: not known, so the flag's nation fills it
        return {**raw, "jurisdiction": nation}
    if normalise_enum(str(raw["jurisdiction"])) != nation:
        raise InputError(
            [
                f"{name} says `jurisdiction: {raw['jurisdiction']}` but --jurisdiction is {nation}; "
                "give one or make them agree."
            ]
        )
    return raw


def incident_from(raw: Any, *, name: str = "input", batch: bool = False, nation: str | None = None) -> Incident:
    raw = with_nation(raw, nation, name)
    if isinstance(raw, dict) and DETAILS_KEY in raw:
        raw = dict(raw)
        details = raw.pop(DETAILS_KEY)
        if details is not None and not isinstance(details, dict):
            raise InputError([f"`{DETAILS_KEY}` in {name} must be a mapping of draft fields to text."])
        return Incident(parse_facts(raw), dict(details or {}), declared_not_known(raw))
    if isinstance(raw, list):
        if batch:
            raise InputError([f"{name} holds a list; each line of a batch is one incident, a JSON object."])
        raise InputError([f"{name} holds a list; `irmer assess` takes one incident (use --batch FILE.jsonl for many)."])
    return Incident(parse_facts(raw), not_known=declared_not_known(raw))


def read_incident(source: str, nation: str | None = None) -> Incident:
    name = "standard input" if source == "-" else source
    return incident_from(parse_document(read_text(source), name), name=name, nation=nation)


def batch_lines(source: str) -> list[tuple[int, str]]:
    """Non-blank lines of a JSON Lines file with their line numbers."""
    text = read_text(source)
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def incident_from_json_line(line: str, number: int, nation: str | None = None) -> Incident:
    try:
        raw = json.loads(line, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as err:
        raise InputError([f"line {number} is not valid JSON (column {err.colno}): {err.msg}."]) from None
    except DuplicateKeyError as err:
        raise InputError([f"On line {number}, {err}"]) from None
    except RecursionError:
        raise InputError([_too_deep(f"line {number}")]) from None
    return incident_from(raw, name=f"line {number}", batch=True, nation=nation)


def _too_deep(name: str) -> str:
    return f"{name} is nested too deeply to read; an incident is one mapping of fact names to values."
