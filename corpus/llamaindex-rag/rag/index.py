import chromadb
from llama_index.core import (
    SimpleDirectoryReader,
    StorageContext,
    VectorStoreIndex,
    load_index_from_storage,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

from .settings import config


def build(docs_dir: str = "docs") -> VectorStoreIndex:
    documents = SimpleDirectoryReader(docs_dir, recursive=True).load_data()
    db = chromadb.PersistentClient(path=config.persist_dir)
    collection = db.get_or_create_collection("docs")
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    index = VectorStoreIndex.from_documents(documents, storage_context=storage, show_progress=True)
    index.storage_context.persist(persist_dir=config.persist_dir)
    return index


def load() -> VectorStoreIndex:
    storage = StorageContext.from_defaults(persist_dir=config.persist_dir)
    return load_index_from_storage(storage)
