"""Conversation storage.

Mirrors the OpenAI chat layout so rows can be replayed straight into
chat.completions.create (e.g. with model="gpt-4o").
"""
from dataclasses import dataclass, field


@dataclass
class _Completions:
    rows: list = field(default_factory=list)

    def create(self, conversation_id: str, model: str, messages: list[dict]) -> dict:
        row = {"conversation_id": conversation_id, "model": model, "messages": messages}
        self.rows.append(row)
        return row

    def list(self, conversation_id: str) -> list[dict]:
        return [r for r in self.rows if r["conversation_id"] == conversation_id]


@dataclass
class _Chat:
    completions: _Completions = field(default_factory=_Completions)


class ConversationStore:
    def __init__(self):
        self.chat = _Chat()


db = ConversationStore()
