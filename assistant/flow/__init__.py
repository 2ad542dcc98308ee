"""The chat's question flow: which question to ask next, reading answers, the conversation state.

Pure Python (no UI): the Textual chat and the tests drive the same
`Conversation`.
"""

from assistant.flow.answers import AnswerError, parse_date
from assistant.flow.conversation import Conversation, Turn
from assistant.flow.questions import Field, Option, Question

__all__ = ["AnswerError", "Conversation", "Field", "Option", "Question", "Turn", "parse_date"]
