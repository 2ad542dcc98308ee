"""Settings: the organisation's defaults, from a TOML file in the platform config folder.

    [organisation]
    name = "Example NHS Foundation Trust"
    nation = "england"            # asked once here, not in every chat
    contact_name = "Radiation Protection Lead"
    contact_email = "rpa@example.nhs.uk"
    contact_phone = "0100 000 0000"

    [documents]
    folder = "~/Documents/irmer"  # where drafts are saved

`IRMER_CONFIG` points at another file (tests use it). A file that cannot be
read gives problems to show the user, and the defaults: never a crash.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.validation import parse_nation

ENV_VAR = "IRMER_CONFIG"

_KEYS: dict[str, tuple[str, ...]] = {
    "organisation": ("name", "nation", "contact_name", "contact_email", "contact_phone"),
    "documents": ("folder",),
}


@dataclass(frozen=True)
class Settings:
    organisation: str | None = None
    nation: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    documents_folder: Path | None = None
    problems: tuple[str, ...] = field(default=())
    path: Path | None = None


def config_path() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("irmer", appauthor=False) / "config.toml"


def templates_override_dir() -> Path:
    """An organisation's own templates, overriding the bundled ones by file name."""
    return config_path().parent / "templates"


def documents_default_dir() -> Path:
    from platformdirs import user_documents_path

    return user_documents_path() / "irmer"


def _check(raw: dict[str, Any], path: Path) -> tuple[dict[str, Any], list[str]]:
    problems: list[str] = []
    values: dict[str, Any] = {}
    for table, content in raw.items():
        if not isinstance(content, dict):  # a key outside any section
            home = [t for t, keys in _KEYS.items() if table in keys]
            where = f"put it under [{home[0]}]" if home else f"accepted sections: {', '.join(f'[{t}]' for t in _KEYS)}"
            problems.append(f"{path}: `{table}` stands outside any section; {where}.")
            continue
        if table not in _KEYS:
            problems.append(f"{path}: unknown section [{table}]; accepted: {', '.join(f'[{t}]' for t in _KEYS)}.")
            continue
        for key, value in content.items():
            if key not in _KEYS[table]:
                problems.append(f"{path}: unknown key {key!r} in [{table}]; accepted: {', '.join(_KEYS[table])}.")
            elif not isinstance(value, str) or not value.strip():
                problems.append(f"{path}: [{table}] {key} must be non-empty text in quotes.")
            else:
                values[key] = value.strip()
    if "nation" in values:
        try:
            values["nation"] = parse_nation(values["nation"])
        except ValueError as err:
            problems.append(f"{path}: [organisation] nation {err} irmer will ask.")
            del values["nation"]
    from assistant.detail_checks import check_detail

    for key, check in (("contact_email", "email"), ("contact_phone", "phone")):
        if key in values and (problem := check_detail(check, values[key])):
            problems.append(f"{path}: [organisation] {key}: {problem} Drafts will ask for it.")
            del values[key]
    return values, problems


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    if not path.exists():
        return Settings(path=path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        # The message ends "(at line N, column M)": it names the line to fix.
        return Settings(problems=(f"{path} could not be read: {err}. Using no defaults; irmer will ask.",), path=path)
    except UnicodeDecodeError:
        return Settings(problems=(f"{path} is not UTF-8 text; save it as UTF-8. Using no defaults.",), path=path)
    except IsADirectoryError:
        return Settings(problems=(f"{path} is a folder, not a settings file. Using no defaults.",), path=path)
    except OSError as err:
        return Settings(problems=(f"{path} could not be read: {err.strerror or err}. Using no defaults.",), path=path)
    values, problems = _check(raw, path)
    folder = values.pop("folder", None)
    return Settings(
        organisation=values.get("name"),
        nation=values.get("nation"),
        contact_name=values.get("contact_name"),
        contact_email=values.get("contact_email"),
        contact_phone=values.get("contact_phone"),
        documents_folder=Path(folder).expanduser() if folder else None,
        problems=tuple(problems),
        path=path,
    )
