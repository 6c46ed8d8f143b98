"""Hosted embeddings. The model name is deployment config (see .env.example)."""
import os

from openai import OpenAI


def embed_texts(texts: list[str]) -> list[list[float]]:
    resp = OpenAI().embeddings.create(
        model=os.getenv("EMBEDDING_MODEL"),
        input=texts,
    )
    return [item.embedding for item in resp.data]
