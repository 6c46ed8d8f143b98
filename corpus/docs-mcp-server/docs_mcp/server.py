import os
from functools import lru_cache

from mcp.server.fastmcp import FastMCP
from openai import OpenAI

from docs_mcp.index import DocIndex

mcp = FastMCP("docs")
client = OpenAI()


@lru_cache(maxsize=1)
def get_index() -> DocIndex:
    return DocIndex(os.environ.get("DOCS_INDEX", "index.npz"))


@mcp.tool()
def search_docs(query: str, k: int = 5) -> list[str]:
    """Return the k documentation passages closest to the query."""
    return get_index().search(query, k)


@mcp.tool()
def answer(question: str) -> str:
    """Answer a question from the documentation, citing passages."""
    passages = search_docs(question, 4)
    resp = client.responses.create(
        model="gpt-4.1",
        input=f"Answer from these passages only:\n\n" + "\n---\n".join(passages) + f"\n\nQuestion: {question}",
    )
    return resp.output_text


def main() -> None:
    mcp.run(transport="stdio")
