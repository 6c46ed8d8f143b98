import logging
import os

from openai import AzureOpenAI
from openai import OpenAI as LLMClient

from copilot.history import db
from copilot.settings import settings

log = logging.getLogger(__name__)

SYSTEM = "You are a support copilot. Draft concise, friendly replies for human agents."
OPENROUTER_URL = "https://openrouter.ai/api/v1"

groq = LLMClient(base_url="https://api.groq.com/openai/v1", api_key=os.environ.get("GROQ_API_KEY"))


def make_openrouter_client() -> LLMClient:
    return LLMClient(base_url=OPENROUTER_URL, api_key=os.environ["OPENROUTER_API_KEY"])


class Assistant:
    TRIAGE_MODEL = "llama-3.1-8b-instant"

    def __init__(self):
        self.azure = AzureOpenAI(
            azure_endpoint=settings.azure_endpoint,
            api_version=settings.azure_api_version,
            api_key=os.environ["AZURE_OPENAI_API_KEY"],
        )

    def draft_reply(self, conversation_id: str, messages: list[dict]) -> str:
        history = messages[-settings.max_history :]
        resp = self.azure.chat.completions.create(
            model=settings.chat_deployment,
            messages=[{"role": "system", "content": SYSTEM}, *history],
            temperature=0.3,
        )
        text = resp.choices[0].message.content
        db.chat.completions.create(conversation_id, "gpt-4o-support", history + [{"role": "assistant", "content": text}])
        log.info("drafted reply with gpt-4o via azure for %s", conversation_id)
        return text

    def embed(self, texts: list[str]) -> list[list[float]]:
        out = self.azure.embeddings.create(model=settings.embedding_deployment, input=texts)
        return [d.embedding for d in out.data]

    def triage(self, text: str) -> str:
        resp = groq.chat.completions.create(
            model=self.TRIAGE_MODEL,
            messages=[{"role": "user", "content": f"Label as billing/bug/howto/other: {text}"}],
            max_tokens=5,
        )
        return resp.choices[0].message.content.strip()

    def second_opinion(self, text: str) -> str:
        router = make_openrouter_client()
        resp = router.chat.completions.create(
            model=settings.openrouter_model,
            messages=[{"role": "user", "content": text}],
            extra_headers={"HTTP-Referer": "https://support.example.com", "X-Title": "support-copilot"},
        )
        return resp.choices[0].message.content
