from fastapi import APIRouter, Depends
from pydantic import BaseModel

from rag_api import models
from rag_api.audit import audited
from rag_api.deps import get_reranker
from rag_api.llm import get_llm
from rag_api.service import answer_question

router = APIRouter()


class Ask(BaseModel):
    question: str
    passages: list[str] = []


@router.post("/ask")
def ask(body: Ask):
    return {"answer": answer_question(body.question)}


@router.post("/rerank")
def rerank(body: Ask, reranker=Depends(get_reranker)):
    scores = reranker.predict([(body.question, p) for p in body.passages])
    ranked = sorted(zip(body.passages, scores), key=lambda x: -x[1])
    return {"passages": [p for p, _ in ranked]}


@router.post("/summarize")
@audited
def summarize(body: Ask):
    llm = get_llm("gpt-4o-mini")
    return {"summary": llm.invoke(f"Summarise:\n\n{body.question}").content}


@router.post("/draft")
def draft(body: Ask):
    llm = get_llm("gpt-4o")
    return {"draft": llm.invoke(f"Write a reply to:\n\n{body.question}").content}


@router.get("/intent")
def intent(text: str):
    result = models.intent_classifier(text, candidate_labels=models.LABELS)
    return {"label": result["labels"][0]}
