import numpy as np
from openai import OpenAI

EMBED_MODEL = "text-embedding-3-small"


class DocIndex:
    def __init__(self, path: str = "index.npz"):
        data = np.load(path)
        self.vectors = data["vectors"]
        self.texts = list(data["texts"])
        self.client = OpenAI()

    def search(self, query: str, k: int = 5) -> list[str]:
        emb = self.client.embeddings.create(model=EMBED_MODEL, input=[query]).data[0].embedding
        scores = self.vectors @ np.asarray(emb, dtype=np.float32)
        return [self.texts[i] for i in np.argsort(-scores)[:k]]
