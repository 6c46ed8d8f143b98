import json

import numpy as np

from app.config import CHUNKS_PATH, INDEX_PATH, TOP_K


class Retriever:
    def __init__(self, index_path: str = INDEX_PATH, chunks_path: str = CHUNKS_PATH):
        # plain float32 matrix, no object arrays
        self.matrix = np.load(index_path)
        with open(chunks_path, encoding="utf-8") as fh:
            self.chunks = json.load(fh)
        norms = np.linalg.norm(self.matrix, axis=1, keepdims=True)
        self.matrix = self.matrix / np.clip(norms, 1e-8, None)

    def search(self, query_vec: list[float], k: int = TOP_K) -> list[str]:
        q = np.asarray(query_vec, dtype=np.float32)
        q = q / max(np.linalg.norm(q), 1e-8)
        scores = self.matrix @ q
        best = np.argsort(-scores)[:k]
        return [self.chunks[i]["text"] for i in best]
