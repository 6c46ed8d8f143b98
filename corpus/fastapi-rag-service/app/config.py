"""Runtime configuration for the RAG service."""
import os

EMBEDDING_MODEL = "text-embedding-3-small"
CHAT_MODEL = "gpt-4o-mini"
TOP_K = int(os.getenv("RAG_TOP_K", "4"))
INDEX_PATH = os.getenv("RAG_INDEX_PATH", "data/index.npy")
CHUNKS_PATH = os.getenv("RAG_CHUNKS_PATH", "data/chunks.json")
