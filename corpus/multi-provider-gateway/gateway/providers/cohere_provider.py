import cohere

co = cohere.ClientV2()


def cohere_chat(messages: list[dict], max_tokens: int = 1024) -> str:
    resp = co.chat(model="command-r-plus-08-2024", messages=messages, max_tokens=max_tokens)
    return resp.message.content[0].text


def cohere_embed(texts: list[str]) -> list[list[float]]:
    resp = co.embed(
        model="embed-english-v3.0",
        texts=texts,
        input_type="search_document",
        embedding_types=["float"],
    )
    return resp.embeddings.float_


def cohere_rerank(query: str, docs: list[str], top_n: int = 5):
    return co.rerank(model="rerank-english-v3.0", query=query, documents=docs, top_n=top_n).results
