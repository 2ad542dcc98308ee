"""Reading incidents from YAML or JSON files, stdin, or JSON Lines batches."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from assistant.text_source import Unreadable, read_source
from assistant.validation import InputError, declared_not_known, normalise_enum, parse_facts
from assistant.yaml_io import DuplicateKeyError, WrittenFloat, load_yaml

DETAILS_KEY = "details"  # free text for drafts; not a fact, never judged


@dataclass(frozen=True)
class Incident:
    facts: dict[str, Any]
    details: dict[str, Any] = field(default_factory=dict)
    # Circumstances given as null: "not known", so never assumed absent (see assess's `not_known`).
    not_known: frozenset[str] = frozenset()


def read_text(source: str, kind: str = "a YAML or JSON file") -> str:
    """The text of `source` (a path, or - for standard input), read as UTF-8; `kind` names what is expected."""
    try:
        return read_source(source, kind)
    except Unreadable as err:
        raise InputError([str(err)]) from None


def parse_document(text: str, name: str = "input") -> Any:
    """YAML (a superset of the JSON irmer reads); syntax errors name the line."""
    if not text.strip():
        raise InputError([f"{name} is empty: give the incident's facts as YAML or JSON, at least `jurisdiction`."])
    json_error: json.JSONDecodeError | None = None
    if text.lstrip().startswith("{"):
        # JSON proper first: it reads NaN and Infinity as numbers, so they are
        # reported as such; anything it rejects may still be YAML flow style.
        try:
            return _json(text)
        except json.JSONDecodeError as err:
            json_error = err
        except DuplicateKeyError as err:
            raise InputError([f"In {name}, {err}"]) from None
        except RecursionError:
            raise InputError([_too_deep(name)]) from None
    try:
        return load_yaml(text)
    except DuplicateKeyError as err:
        raise InputError([f"In {name}, {err}"]) from None
    except yaml.MarkedYAMLError as err:
        hint = ""
        if sum(line.lstrip().startswith("{") for line in text.splitlines()) > 1:
            hint = " It looks like JSON Lines (one incident a line): use --batch FILE.jsonl."
        if json_error is not None:  # written as JSON: JSON's own account of where it went wrong
            where = f"line {json_error.lineno}, column {json_error.colno}"
            raise InputError([f"{name} is not valid JSON at {where}: {_json_message(json_error)}.{hint}"]) from None
        mark = err.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError([f"{name} is not valid YAML or JSON{where}: {err.problem or err}.{hint}"]) from None
    except yaml.YAMLError as err:
        raise InputError([f"{name} is not valid YAML or JSON: {err}."]) from None


def _json_int(written: str) -> int | str:
    """An integer as JSON wrote it; past Python's 4,300-digit limit, the digits as text (refused by the key's check)."""
    try:
        return int(written)
    except ValueError:
        return written


def _json_float(written: str) -> float:
    """A float that remembers how it was written, so "1e400" is repeated back, not "inf"."""
    value = WrittenFloat(written)
    value.written = written
    return value


def _json(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_json_int, parse_float=_json_float)


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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_text(raw: Any, path: str = "") -> str | None:
    """The key of the first string holding a lone surrogate ("\\ud800" in JSON): no character, so it cannot be
    written to a draft or a screen. None if every string is text."""
    if isinstance(raw, dict):
        items: Any = raw.items()
    elif isinstance(raw, list):
        items = enumerate(raw)
    else:
        return None
    for key, value in items:
        if isinstance(value, str):
            if not value.isascii() and _SURROGATE.search(value):
                return f"{path}.{key}" if path else str(key)
        elif isinstance(value, dict | list):
            found = _not_text(value, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    return None


def incident_from(raw: Any, *, name: str = "input", batch: bool = False, nation: str | None = None) -> Incident:
    broken = _not_text(raw)
    if broken is not None:
        raise InputError(
            [
                f"`{broken}` in {name} holds an escaped half of a character pair (\\ud800-\\udfff) that is no "
                "character on its own; remove it or give the whole character."
            ]
        )
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
    """Non-blank lines of a JSON Lines file with their line numbers.

    Lines end at "\n" (and a "\r" before it) only: U+2028, U+2029 and U+0085 may stand unescaped inside
    a JSON string, and `str.splitlines` would cut a valid record there.
    """
    text = read_text(source, "a JSON Lines file (one JSON object a line)")
    lines = [(n, line.removesuffix("\r")) for n, line in enumerate(text.split("\n"), start=1)]
    found = [(n, line) for n, line in lines if line.strip()]
    if not found:
        name = "standard input" if source == "-" else source
        raise InputError([f"{name} holds no incidents: give one JSON object a line."])
    return found


def incident_from_json_line(line: str, number: int, nation: str | None = None) -> Incident:
    try:
        raw = _json(line)
    except json.JSONDecodeError as err:
        hint = (
            ""
            if line.lstrip().startswith("{")
            else " Each line of a batch is one JSON object, {...}; a YAML file goes to `irmer assess FILE`."
        )
        raise InputError(
            [f"line {number} is not valid JSON (column {err.colno}): {_json_message(err)}.{hint}"]
        ) from None
    except DuplicateKeyError as err:
        raise InputError([f"On line {number}, {err}"]) from None
    except RecursionError:
        raise InputError([_too_deep(f"line {number}")]) from None
    return incident_from(raw, name=f"line {number}", batch=True, nation=nation)


def _json_message(err: json.JSONDecodeError) -> str:
    """The JSON parser's complaint in plain words where it would puzzle ("Expecting value")."""
    plain = {
        "Expecting value": "a value was expected here (a number, text in double quotes, true, false, null, {...})",
        "Unexpected UTF-8 BOM (decode using utf-8-sig)": "a byte-order mark stands inside the file; remove it",
    }
    return plain.get(err.msg, err.msg)


def _too_deep(name: str) -> str:
    return f"{name} is nested too deeply to read; an incident is one mapping of fact names to values."
