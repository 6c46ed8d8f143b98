"""Rebuild the document index from a folder of markdown files.

Usage: python scripts/reindex.py docs/ index.npz
"""
import sys
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer


def main(src: str, out: str) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(src).glob("**/*.md"))]
    model = SentenceTransformer("BAAI/bge-small-en-v1.5", revision="5c38ec7c405ec4b44b94cc5a9bb96e735b38267a")
    vectors = model.encode(texts, normalize_embeddings=True, batch_size=64)
    np.savez(out, vectors=vectors, texts=np.array(texts, dtype=object))
    print(f"indexed {len(texts)} documents into {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
