import logging

import litellm
from litellm import completion
from tenacity import retry, stop_after_attempt, wait_exponential

from gateway.providers import REGISTRY

log = logging.getLogger(__name__)

FALLBACK_MODEL = "anthropic/claude-3-haiku-20240307"


class Router:
    """Routes /v1/chat requests.

    Known aliases: "fast" -> groq/llama-3.1-8b-instant, "smart" -> gpt-4o.
    """

    ALIASES = {"fast": "groq/llama-3.1-8b-instant", "smart": "gpt-4o"}

    @retry(stop=stop_after_attempt(3), wait=wait_exponential(min=1, max=8))
    def via_litellm(self, alias: str, messages: list[dict]) -> str:
        model = self.ALIASES.get(alias, alias)
        log.info("routing %s to %s", alias, model)
        resp = litellm.completion(model=model, messages=messages, timeout=30)
        return resp.choices[0].message.content

    def smart(self, messages: list[dict]) -> str:
        return completion(model="gpt-4o", messages=messages).choices[0].message.content

    def fast(self, messages: list[dict]) -> str:
        resp = litellm.completion(model="groq/llama-3.1-8b-instant", messages=messages)
        return resp.choices[0].message.content

    def fallback(self, messages: list[dict]) -> str:
        return completion(model=FALLBACK_MODEL, messages=messages).choices[0].message.content

    async def embed(self, texts: list[str]) -> list[list[float]]:
        resp = await litellm.aembedding(model="cohere/embed-english-v3.0", input=texts)
        return [d["embedding"] for d in resp.data]

    def native(self, provider: str, messages: list[dict]) -> str:
        return REGISTRY[provider](messages)
