"""Keeping Python's full garbage collections short, so they do not stall an answer.

A full collection walks every live object; in a chat it lands on a random
answer. Two things made it slow: the objects start-up builds (modules, the
rulebook, styles), walked again each time, and a Textual 8 cache that keeps
removed widgets' rendered lines alive.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_startup_objects() -> None:
    """Exempt what start-up built from full collections: it lives as long as the process. Once per process.

    Also turns collection back on where start-up turned it off (`irmer` with no command).
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
    gc.enable()


def release_removed_widgets() -> None:
    """Let removed widgets' render caches go.

    Textual 8's `StylesCache.get_inner_outer` is an `lru_cache` on a method, so it
    holds the last 1024 widgets' style caches (and their rendered lines) after the
    widgets are gone; a long chat then has ~200k live objects to walk instead of
    ~35k. Its entries are two `Style`s, cheap to make again.
    """
    try:
        from textual._styles_cache import StylesCache
    except ImportError:  # a Textual without it has no such cache
        return
    cache_clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()
