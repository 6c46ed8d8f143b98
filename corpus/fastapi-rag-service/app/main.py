from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from openai import AsyncOpenAI
from pydantic import BaseModel

from app.llm import LLMService
from app.retriever import Retriever

app = FastAPI(title="rag-service")
llm = LLMService()
retriever = Retriever()
aclient = AsyncOpenAI()


class Query(BaseModel):
    question: str


@app.post("/ask")
def ask(q: Query):
    [vec] = llm.embed([q.question])
    context = retriever.search(vec)
    return {"answer": llm.answer(q.question, context), "sources": context}


@app.post("/ask/stream")
async def ask_stream(q: Query, model: str = "gpt-4o"):
    [vec] = llm.embed([q.question])
    context = "\n\n".join(retriever.search(vec))

    stream = await aclient.chat.completions.create(
        model=model,
        messages=[{"role": "user", "content": f"{context}\n\nQuestion: {q.question}"}],
        stream=True,
    )

    async def gen():
        async for chunk in stream:
            delta = chunk.choices[0].delta.content
            if delta:
                yield delta

    return StreamingResponse(gen(), media_type="text/plain")
