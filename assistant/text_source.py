"""Reading the text a command is given: a file, or - for standard input, as UTF-8, with clear refusals."""

from __future__ import annotations

import sys
from pathlib import Path


class Unreadable(Exception):
    """The source cannot be read as text; the message says why and what to give instead."""


def read_source(source: str, kind: str) -> str:
    """The text of `source` (a path, or - for standard input); `kind` names what is expected ("a text file")."""
    name = "standard input" if source == "-" else source
    if not source:
        raise Unreadable(f"No file given; give {kind}, or - for standard input.")
    try:
        if source == "-":
            if sys.stdin is None:
                raise Unreadable(f"There is no standard input to read; give {kind} instead of -.")
            stream = getattr(sys.stdin, "buffer", None)
            data: bytes | str = stream.read() if stream is not None else sys.stdin.read()
        else:
            data = Path(source).read_bytes()
        # A byte-order mark is not part of the text.
        return data.removeprefix("\ufeff") if isinstance(data, str) else data.decode("utf-8-sig")
    except FileNotFoundError:
        raise Unreadable(f"No such file: {source}. Give {kind}, or - for standard input.") from None
    except IsADirectoryError:
        raise Unreadable(f"{source} is a folder; give {kind}, or - for standard input.") from None
    except UnicodeDecodeError as err:
        utf16 = isinstance(err.object, bytes) and err.object[:2] in (b"\xff\xfe", b"\xfe\xff")
        where = "UTF-16, by its first bytes" if utf16 else f"byte {err.object[err.start]:#04x} at offset {err.start}"
        raise Unreadable(f"{name} is not UTF-8 text ({where}); save it as UTF-8.") from None
    except OSError as err:
        raise Unreadable(f"Cannot read {name}: {err.strerror or err}.") from None
