import os

from langchain_openai import ChatOpenAI
from openai import OpenAI

client = OpenAI()
CHAT_MODEL = os.getenv("RAG_CHAT_MODEL", "gpt-4.1-mini")


def complete(prompt: str) -> str:
    resp = client.chat.completions.create(
        model=CHAT_MODEL,
        messages=[{"role": "user", "content": prompt}],
        temperature=0.2,
    )
    return resp.choices[0].message.content or ""


def get_llm(model: str) -> ChatOpenAI:
    return ChatOpenAI(model=model, temperature=0)
