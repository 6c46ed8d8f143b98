import torch
from fastapi import FastAPI
from openai import OpenAI
from pydantic import BaseModel
from transformers import AutoModel, AutoTokenizer

from app.embeddings import embed_texts

app = FastAPI(title="acme-api")


class ChatIn(BaseModel):
    question: str


class TextsIn(BaseModel):
    texts: list[str]


@app.on_event("startup")
def load_encoder() -> None:
    # Small local encoder for near-duplicate checks; hosted embeddings are
    # used for search (see app/embeddings.py).
    app.state.tokenizer = AutoTokenizer.from_pretrained("sentence-transformers/all-MiniLM-L6-v2")
    app.state.encoder = AutoModel.from_pretrained("sentence-transformers/all-MiniLM-L6-v2")
    app.state.encoder.eval()


@app.post("/chat")
def chat(body: ChatIn):
    completion = OpenAI().chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "You answer questions about Acme products."},
            {"role": "user", "content": body.question},
        ],
    )
    return {"answer": completion.choices[0].message.content}


@app.post("/embed")
def embed(body: TextsIn):
    return {"vectors": embed_texts(body.texts)}


@app.post("/duplicates")
def duplicates(body: TextsIn):
    batch = app.state.tokenizer(body.texts, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        hidden = app.state.encoder(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1)
    vecs = (hidden * mask).sum(1) / mask.sum(1)
    vecs = torch.nn.functional.normalize(vecs, dim=1)
    sims = vecs @ vecs.T
    pairs = [
        (i, j)
        for i in range(len(body.texts))
        for j in range(i + 1, len(body.texts))
        if sims[i, j] > 0.92
    ]
    return {"pairs": pairs}


@app.get("/healthz")
def healthz():
    return {"ok": True}
