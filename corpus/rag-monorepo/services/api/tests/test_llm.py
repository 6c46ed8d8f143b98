import pytest
from sentence_transformers import SentenceTransformer

from rag_api.llm import get_llm


def test_get_llm_uses_given_model():
    llm = get_llm("gpt-4o-mini-2024-07-18")
    assert llm.model_name == "gpt-4o-mini-2024-07-18"


@pytest.mark.slow
def test_embedding_dimension():
    model = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
    assert model.encode(["hello"]).shape == (1, 384)
