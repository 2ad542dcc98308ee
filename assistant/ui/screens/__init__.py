"""Screens shown over the chat: glossary, rulebook, draft."""
