"""Question answering: builds the prompt and asks the chat model."""
from rag_api.llm import complete

SYSTEM_PROMPT = "Answer from the company handbook. Say 'I don't know' when unsure."


def build_prompt(question: str) -> str:
    return f"{SYSTEM_PROMPT}\n\nQuestion: {question.strip()}"


def answer_question(question: str) -> str:
    prompt = build_prompt(question)
    return complete(prompt)
