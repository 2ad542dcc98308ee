"""The documents irmer drafts and the free-text details they need, from flows/documents.yaml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from assistant.decision import VERDICTS
from assistant.resources import flows_dir
from assistant.yaml_io import load_yaml

# The CLI names of the documents, in the order they are offered.
DOCUMENT_KINDS = ("notification", "report", "local")

SETTINGS_PREFIX = "settings."


@dataclass(frozen=True)
class DetailField:
    """One thing a draft needs that the facts do not hold, asked in plain words."""

    key: str
    question: str
    help: str
    required: bool
    multiline: bool
    default_from: str | None
    check: str | None = None  # a name in assistant.detail_checks.CHECKS


@dataclass(frozen=True)
class DocumentSpec:
    kind: str
    title: str
    template: str
    fields: tuple[DetailField, ...]
    # field key -> fact that, when true, makes the field required
    required_when_fact: Mapping[str, str]
    # field key -> verdicts for which the document neither asks nor shows the field
    not_for_verdicts: Mapping[str, tuple[str, ...]]

    def field(self, key: str) -> DetailField | None:
        return next((f for f in self.fields if f.key == key), None)

    def resolved(self, facts: Mapping[str, Any], verdict: str | None = None) -> tuple[DetailField, ...]:
        """The fields this verdict asks for, with `required` settled for these facts."""
        out = []
        for f in self.fields:
            if verdict in self.not_for_verdicts.get(f.key, ()):
                continue
            fact = self.required_when_fact.get(f.key)
            out.append(replace(f, required=True) if fact and facts.get(fact) is True else f)
        return tuple(out)


@dataclass(frozen=True)
class DocumentData:
    documents: Mapping[str, DocumentSpec]
    catalogue: Mapping[str, DetailField]
    fact_groups: Mapping[str, tuple[str, ...]]
    value_words: Mapping[str, Mapping[str, str]]

    def accepted_keys(self) -> tuple[str, ...]:
        return tuple(self.catalogue)


def _catalogue(raw: Mapping[str, Any]) -> dict[str, DetailField]:
    out = {}
    for key, spec in raw.items():
        default = spec.get("default_from")
        if default is not None and not default.startswith(SETTINGS_PREFIX):
            raise ValueError(
                f"documents.yaml: field {key!r} default_from {default!r} must start with {SETTINGS_PREFIX!r}"
            )
        out[key] = DetailField(
            key=key,
            question=str(spec["question"]),
            help=str(spec["help"]).strip(),
            required=False,
            multiline=bool(spec.get("multiline", False)),
            default_from=default,
            check=_check_name(key, spec.get("check")),
        )
    return out


def _check_name(key: str, check: Any) -> str | None:
    from assistant.detail_checks import CHECKS

    if check is not None and check not in CHECKS:
        raise ValueError(f"documents.yaml: field {key!r} check {check!r} is not one of {', '.join(CHECKS)}")
    return None if check is None else str(check)


def _document(kind: str, raw: Mapping[str, Any], catalogue: Mapping[str, DetailField]) -> DocumentSpec:
    fields = []
    conditional = {}
    omitted: dict[str, tuple[str, ...]] = {}
    for entry in raw["fields"]:
        key = entry["key"]
        if key not in catalogue:
            raise ValueError(f"documents.yaml: document {kind!r} uses field {key!r}, which is not under `fields:`")
        base = catalogue[key]
        fields.append(
            replace(
                base,
                required=bool(entry["required"]),
                question=str(entry.get("question", base.question)),
                help=str(entry.get("help", base.help)).strip(),
            )
        )
        if "required_when_fact" in entry:
            conditional[key] = str(entry["required_when_fact"])
        if "not_for_verdicts" in entry:
            verdicts = tuple(str(v) for v in entry["not_for_verdicts"])
            unknown = sorted(set(verdicts) - set(VERDICTS))
            if unknown:
                raise ValueError(
                    f"documents.yaml: document {kind!r} field {key!r} names unknown verdicts {unknown}; "
                    f"verdicts are: {', '.join(VERDICTS)}"
                )
            omitted[key] = verdicts
    return DocumentSpec(kind, str(raw["title"]), str(raw["template"]), tuple(fields), conditional, omitted)


@cache
def document_data() -> DocumentData:
    raw = load_yaml((flows_dir() / "documents.yaml").read_text(encoding="utf-8"))
    catalogue = _catalogue(raw["fields"])
    documents = {kind: _document(kind, raw["documents"][kind], catalogue) for kind in DOCUMENT_KINDS}
    groups = {name: tuple(facts) for name, facts in raw["fact_groups"].items()}
    words = {fact: dict(values) for fact, values in raw["value_words"].items()}
    return DocumentData(documents, catalogue, groups, words)
