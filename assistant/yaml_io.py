"""YAML parsing for irmer's data and for incident files.

- libyaml's C loader where the installed PyYAML has it: the pure-Python
  loader takes a large share of a single `irmer assess` run.
- A key given twice is an error, not "the last one wins": in an incident
  file `jurisdiction: wales` then `jurisdiction: england` must not quietly
  decide which regulator is told.
- Plain values are read as YAML 1.2 and JSON read them, not as YAML 1.1:
  only `true`/`false` are booleans (`yes`, `no`, `on`, `off` stay text, so a
  boolean given as "yes" is refused as such, never taken as true); integers
  are decimal (`017` is 17, not octal 15; `0x10`, `0b11` and `1:0` stay text
  and are refused where a number belongs); numbers in exponent form (`3.0e0`,
  `5e-3`) are numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(ValueError):
    pass


class _Loader(_Base):  # type: ignore[misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:
                raise ConstructorError(None, None, "a key must be a plain value", key_node.start_mark) from None
            if duplicate:
                raise DuplicateKeyError(f"`{key}` is given twice (line {key_node.start_mark.line + 1}); give it once.")
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


# YAML 1.2 core schema for plain booleans and numbers, in place of YAML 1.1's.
_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


class WrittenInt(int):
    """An integer that remembers how it was written: a phone number 01632 960123 keeps its 0 in a draft."""

    written: str


class WrittenFloat(float):
    """A float that remembers how it was written (1e3, not 1000.0, where text was meant)."""

    written: str


def _decimal_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    written = loader.construct_scalar(node)
    value = WrittenInt(int(written, 10))  # "017" is 17: YAML 1.1 would read octal 15
    value.written = written
    return value


def _float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = WrittenFloat(loader.construct_yaml_float(node))
    value.written = loader.construct_scalar(node)
    return value


def _or_text(construct: Callable[[_Loader, yaml.ScalarNode], Any]) -> Callable[[_Loader, yaml.ScalarNode], Any]:
    """`construct`, or the plain text where it cannot make a value (a date that does not exist,
    `!!int abc`): the check of the value's key then names both the key and the text."""

    def read(loader: _Loader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    return read


def as_written(value: Any) -> str:
    """A scalar as the file wrote it, where YAML read text as a number."""
    return str(getattr(value, "written", value))


_Loader.add_constructor("tag:yaml.org,2002:int", _or_text(_decimal_int))
_Loader.add_constructor("tag:yaml.org,2002:float", _or_text(_float))
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _or_text(_Loader.construct_yaml_timestamp))
# Written back as the numbers they are (SafeDumper knows int and float, not their subclasses).
yaml.SafeDumper.add_representer(WrittenInt, yaml.representer.SafeRepresenter.represent_int)
yaml.SafeDumper.add_representer(WrittenFloat, yaml.representer.SafeRepresenter.represent_float)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # a safe loader (C or Python) with the checks above
