"""Where the data the package ships (rulebook, question data, templates) lives.

In a wheel the top-level `flows/` and `templates/` are copied to
`assistant/_data/`; in a source checkout or editable install they are read
from the repository itself, so there is one copy to edit.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `flows` or `templates`, wherever this install keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"irmer's {name}/ folder is missing from this installation")


def flows_dir() -> Path:
    return data_dir("flows")


def templates_dir() -> Path:
    return data_dir("templates")
