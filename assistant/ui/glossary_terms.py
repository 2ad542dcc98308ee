"""The glossary's terms, read from flows/glossary.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assistant.resources import flows_dir
from assistant.yaml_io import load_yaml


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    also: tuple[str, ...] = ()
    quote: str = ""
    source: str = ""

    def matches(self, query: str) -> bool:
        """Whether a filter typed by the person finds this term (case-insensitive, anywhere)."""
        needle = query.strip().casefold()
        haystack = " ".join((self.term, *self.also, self.meaning)).casefold()
        return not needle or needle in haystack


@cache
def load_glossary() -> tuple[Term, ...]:
    raw = load_yaml((flows_dir() / "glossary.yaml").read_text(encoding="utf-8"))
    return tuple(
        Term(
            term=str(entry["term"]),
            meaning=str(entry["meaning"]),
            also=tuple(str(a) for a in entry.get("also", ())),
            quote=str(entry.get("quote", "")),
            source=str(entry.get("source", "")),
        )
        for entry in raw["terms"]
    )
