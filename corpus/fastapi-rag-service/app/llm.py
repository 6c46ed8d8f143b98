"""Thin wrapper around the OpenAI client used by the API layer."""
import logging

from openai import OpenAI

from app.config import CHAT_MODEL, EMBEDDING_MODEL

logger = logging.getLogger(__name__)


class LLMService:
    """Embeds queries and answers questions from retrieved context.

    Uses gpt-4o-mini by default (see app/config.py); switch to gpt-4o for
    harder corpora.
    """

    SYSTEM_PROMPT = (
        "You are a helpful assistant. Answer only from the given context. "
        "If the answer is not in the context, say you don't know."
    )

    def __init__(self, api_key: str | None = None, timeout: float = 30.0):
        self.client = OpenAI(api_key=api_key, timeout=timeout)

    def embed(self, texts: list[str]) -> list[list[float]]:
        resp = self.client.embeddings.create(model=EMBEDDING_MODEL, input=texts)
        return [d.embedding for d in resp.data]

    def answer(self, question: str, context: list[str]) -> str:
        logger.info("answering with gpt-4o-mini using %d chunks", len(context))
        prompt = "\n\n".join(context) + "\n\nQuestion: " + question
        completion = self.client.chat.completions.create(
            model=CHAT_MODEL,
            messages=[
                {"role": "system", "content": self.SYSTEM_PROMPT},
                {"role": "user", "content": prompt},
            ],
            temperature=0.1,
        )
        return completion.choices[0].message.content or ""
