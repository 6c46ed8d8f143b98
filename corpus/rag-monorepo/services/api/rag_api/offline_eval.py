"""Offline grading of saved answers. Run from a notebook; the API never imports this module."""
import json

from langchain_anthropic import ChatAnthropic

judge = ChatAnthropic(model="claude-3-5-haiku-latest", temperature=0)


def grade_file(path: str) -> float:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    good = 0
    for row in rows:
        verdict = judge.invoke(f"Is this answer correct? Q: {row['q']} A: {row['a']}. Reply yes or no.")
        good += verdict.content.strip().lower().startswith("yes")
    return good / max(len(rows), 1)
