"""A long chat stays quick: removed widgets are let go at each answer, and collection, off during start-up, resumes."""

from __future__ import annotations

import asyncio
import gc

from textual._styles_cache import StylesCache

from assistant.config import Settings
from assistant.ui.app import IrmerApp
from assistant.ui.memory import release_removed_widgets
from tests.functional.conftest import TODAY, public_scenarios
from tests.functional.user import converse, settle


def _cached() -> int:
    info = StylesCache.get_inner_outer.cache_info()
    return int(info.currsize)


def test_release_reaches_the_cache_that_keeps_removed_widgets_alive() -> None:
    # If a Textual upgrade renames or drops this cache, this fails: check whether the leak is gone too.
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert _cached() > 0, "the first screen is drawn through the cache"
            release_removed_widgets()
            assert _cached() == 0

    asyncio.run(body())


def test_after_a_conversation_the_cache_holds_only_what_is_on_screen() -> None:
    # The cache is keyed by each widget's style cache: without the release it also keeps every
    # answer widget and screen the conversation has removed (up to 1024 of them).
    (scenario,) = [s for s in public_scenarios() if s["name"].startswith("5-fraction SABR")]

    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await converse(pilot, scenario["facts"])
            await settle(pilot)
            assert _cached() <= len(app.query("*"))

    asyncio.run(body())


def test_collection_resumes_once_the_first_question_is_shown() -> None:
    # `irmer` turns collection off while it starts (assistant.cli); the chat must turn it back on.
    async def body() -> None:
        app = IrmerApp(settings=Settings(), today=lambda: TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert gc.isenabled()

    gc.disable()
    try:
        asyncio.run(body())
    finally:
        gc.enable()
