import anthropic
from openai import OpenAI

client = OpenAI()
claude = anthropic.Anthropic()

JUDGE_PROMPT = "Rate from 0 to 1 how well the answer matches the reference.\nQ: {q}\nReference: {a}\nAnswer: {g}"


def judge_answers(rows: list[dict], model: str) -> list[float]:
    scores = []
    for row in rows:
        resp = client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": JUDGE_PROMPT.format(q=row["q"], a=row["a"], g=row.get("g", ""))}],
            temperature=0,
        )
        scores.append(float(resp.choices[0].message.content.strip()))
    return scores


def pairwise_preference(question: str, first: str, second: str) -> str:
    msg = claude.messages.create(
        model="claude-3-5-sonnet-20241022",
        max_tokens=4,
        messages=[{"role": "user", "content": f"Q: {question}\nA: {first}\nB: {second}\nWhich is better, A or B?"}],
    )
    return msg.content[0].text.strip()
