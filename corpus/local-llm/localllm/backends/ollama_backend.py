import os

import ollama

OLLAMA_HOST = os.getenv("OLLAMA_HOST", "http://localhost:11434")

client = ollama.Client(host=OLLAMA_HOST)

MODEL_PAGE = "https://ollama.com/library/llama3.1"


class OllamaBackend:
    name = "ollama"
    MODEL = "llama3.1:8b"
    EMBED_MODEL = "nomic-embed-text"

    def ensure_pulled(self):
        try:
            ollama.pull(self.MODEL)
        except ollama.ResponseError as err:
            raise RuntimeError(
                f"could not pull {self.MODEL}; see {MODEL_PAGE} ({err.error})"
            ) from err

    def chat(self, messages: list[dict], max_tokens: int = 512) -> str:
        resp = client.chat(model=self.MODEL, messages=messages, options={"num_predict": max_tokens})
        return resp["message"]["content"]

    def complete(self, prompt: str) -> str:
        return ollama.generate(model="qwen2.5-coder:7b", prompt=prompt)["response"]

    def embed(self, texts: list[str]) -> list[list[float]]:
        return client.embed(model=OllamaBackend.EMBED_MODEL, input=texts)["embeddings"]
