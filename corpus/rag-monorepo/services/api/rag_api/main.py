from fastapi import FastAPI

from rag_api.routes import router

app = FastAPI(title="rag-api")
app.include_router(router, prefix="/v1")


@app.get("/healthz")
def healthz():
    return {"ok": True}
