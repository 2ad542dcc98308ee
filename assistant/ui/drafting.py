"""The draft interview: which document, then only the details it still lacks, then the rendered draft.

Plain data beside the Conversation. Which fields to ask, their wording and
the document itself all come from `assistant.documents`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from assistant import documents
from assistant.config import Settings, documents_default_dir
from assistant.decision import Decision
from assistant.document_fields import DOCUMENT_KINDS, DetailField, document_data
from assistant.documents import (
    DocumentError,
    clean_details,
    detail_problem,
    fields_needed,
    render_document,
    suggested_kind,
)


def document_titles() -> dict[str, str]:
    """Each document's title by its kind, in the order offered."""
    return {kind: document_data().documents[kind].title for kind in DOCUMENT_KINDS}


@dataclass
class DraftInterview:
    decision: Decision
    settings: Settings
    details: dict[str, str] = field(default_factory=dict)
    kind: str | None = None
    left_blank: set[str] = field(default_factory=set)  # fields the person chose to leave TO COMPLETE
    earlier: dict[str, str] = field(default_factory=dict)  # answers of reopened fields, to edit rather than retype

    # Why details given for an earlier draft were set aside (a changed discovery date): each is asked again.
    no_longer_fit: list[str] = field(default_factory=list)

    @classmethod
    def carried_over(
        cls, decision: Decision, settings: Settings, details: dict[str, str], today: dt.date | None = None
    ) -> DraftInterview:
        """A new draft with the details of the last one that still fit the decision; those that no longer do
        (an incident date now after a changed discovery date) come back as questions, their text ready to edit."""
        kept: dict[str, str] = {}
        earlier: dict[str, str] = {}
        problems: list[str] = []
        for key, text in details.items():
            if problem := detail_problem(key, text, decision, today):
                earlier[key] = text
                problems.append(problem)
            else:
                kept[key] = text
        return cls(decision, settings, details=kept, earlier=earlier, no_longer_fit=problems)

    @property
    def suggested(self) -> str:
        return suggested_kind(self.decision)

    def next_field(self) -> DetailField | None:
        """The next detail this document still lacks and that was not left blank, in asking order."""
        assert self.kind is not None
        asking = [
            f
            for f in fields_needed(self.kind, self.decision, self.details, self.settings)
            if f.key not in self.left_blank
        ]
        # A reopened answer first: the person asked to change that one.
        return next((f for f in asking if f.key in self.earlier), asking[0] if asking else None)

    def answer(self, key: str, text: str, today: dt.date | None = None) -> None:
        """Take one detail; a wrong form (not an email address, a date after discovery) raises DocumentError.

        "today" and "yesterday" for a date are taken as the card's discovery date question takes them, and
        written as the date itself: the draft outlives the day it was typed.
        """
        day = {"today": 0, "yesterday": 1}.get(text.strip().lower())
        if day is not None and document_data().catalogue[key].check == "incident_dates":
            text = ((today or dt.date.today()) - dt.timedelta(days=day)).isoformat()
        if problem := detail_problem(key, text, self.decision, today):
            raise DocumentError(problem)
        if text.strip():
            self.details[key] = text.strip()
            self.left_blank.discard(key)
        else:
            self.details.pop(key, None)
            self.left_blank.add(key)

    def reopen(self, key: str) -> None:
        """Ask this detail next, its answer (if any) ready to edit; one left blank is asked again too."""
        self.earlier[key] = self.details.pop(key, self.earlier.get(key, ""))
        self.left_blank.discard(key)

    def render(self, today: dt.date) -> str:
        assert self.kind is not None
        return render_document(self.kind, self.decision, self.details, self.settings, today=today)

    def intended_text(self) -> tuple[str, ...]:
        """What the draft carries on purpose (the employer's contacts, the authority's address): not patient data.

        The same allowance `irmer assess --draft` makes, from the documents module.
        """
        assert self.kind is not None
        return tuple(documents.intended_text(self.kind, self.decision, clean_details(self.details), self.settings))

    def folder(self) -> Path:
        return self.settings.documents_folder or documents_default_dir()
