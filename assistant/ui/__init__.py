"""The chat: a Textual app, thin over the engine (`assistant.engine`) and the
question flow (`assistant.flow`). Only this package imports `textual`."""
