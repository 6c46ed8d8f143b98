from fastapi import FastAPI
from pydantic import BaseModel

from gateway.router import Router

app = FastAPI(title="llm-gateway")
router = Router()


class ChatRequest(BaseModel):
    model: str = "smart"
    messages: list[dict]
    native: bool = False


@app.post("/v1/chat")
def chat(req: ChatRequest):
    if req.native:
        return {"content": router.native(req.model, req.messages)}
    return {"content": router.via_litellm(req.model, req.messages)}
