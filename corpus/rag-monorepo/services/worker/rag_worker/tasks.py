import anthropic
from celery import shared_task

from rag_worker.celery_app import app
from rag_worker.embedder import encode_chunks, split

claude = anthropic.Anthropic()


@app.task(bind=True, max_retries=3)
def embed_document(self, doc_id: str, text: str):
    chunks = split(text)
    vectors = encode_chunks(chunks)
    return {"doc_id": doc_id, "chunks": len(chunks), "dim": len(vectors[0]) if vectors else 0}


@shared_task
def title_document(text: str) -> str:
    msg = claude.messages.create(
        model="claude-3-5-haiku-20241022",
        max_tokens=32,
        messages=[{"role": "user", "content": f"Give a short title for:\n\n{text[:4000]}"}],
    )
    return msg.content[0].text.strip()
