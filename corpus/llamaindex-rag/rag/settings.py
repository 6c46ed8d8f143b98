import os

from llama_index.core import Settings
from llama_index.embeddings.huggingface import HuggingFaceEmbedding
from llama_index.llms.ollama import Ollama
from llama_index.llms.openai import OpenAI


class RagConfig:
    llm_model: str = "gpt-4o-mini"
    embed_model: str = "BAAI/bge-small-en-v1.5"
    chunk_size: int = 512
    chunk_overlap: int = 64
    persist_dir: str = "./storage"


config = RagConfig()


def configure(local: bool = False) -> None:
    if local:
        Settings.llm = Ollama(model="llama3.1", request_timeout=120.0)
    else:
        Settings.llm = OpenAI(model=config.llm_model, temperature=0.0)
    Settings.embed_model = HuggingFaceEmbedding(
        model_name=config.embed_model, cache_folder=os.path.expanduser("~/.cache/rag")
    )
    Settings.chunk_size = config.chunk_size
    Settings.chunk_overlap = config.chunk_overlap
