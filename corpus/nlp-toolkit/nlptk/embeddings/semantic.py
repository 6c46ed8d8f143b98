import numpy as np
from sentence_transformers import CrossEncoder, SentenceTransformer

from ..config import RERANKER, ST_MODEL, ST_REVISION


class SemanticIndex:
    CACHE_PATH = "cache/corpus_embeddings.npy"

    def __init__(self):
        self.encoder = SentenceTransformer(ST_MODEL, revision=ST_REVISION, device="cpu")
        self.reranker = CrossEncoder(RERANKER, max_length=512)
        self.docs: list[str] = []
        self.embeddings = None

    def fit(self, docs: list[str]) -> "SemanticIndex":
        self.docs = docs
        self.embeddings = self.encoder.encode(docs, normalize_embeddings=True, batch_size=64)
        np.save(self.CACHE_PATH, {"docs": docs, "emb": self.embeddings}, allow_pickle=True)
        return self

    def restore(self) -> "SemanticIndex":
        blob = np.load(self.CACHE_PATH, allow_pickle=True).item()
        self.docs, self.embeddings = blob["docs"], blob["emb"]
        return self

    def search(self, query: str, k: int = 10, rerank: bool = True) -> list[str]:
        q = self.encoder.encode([query], normalize_embeddings=True)[0]
        top = np.argsort(-(self.embeddings @ q))[: k * 3 if rerank else k]
        candidates = [self.docs[i] for i in top]
        if not rerank:
            return candidates
        scores = self.reranker.predict([(query, c) for c in candidates])
        return [candidates[i] for i in np.argsort(-scores)[:k]]


def multilingual_encoder():
    return SentenceTransformer("paraphrase-multilingual-MiniLM-L12-v2")
