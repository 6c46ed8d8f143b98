from openai import OpenAI

SUMMARY_MODEL = "gpt-4o-mini"


class Summarizer:
    def __init__(self):
        self.client = OpenAI()

    def summarize(self, text: str) -> str:
        resp = self.client.chat.completions.create(
            model=SUMMARY_MODEL,
            messages=[
                {"role": "system", "content": "Summarise the voice memo in at most five bullet points."},
                {"role": "user", "content": text},
            ],
        )
        return resp.choices[0].message.content
