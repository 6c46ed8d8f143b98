from llama_index.core import PromptTemplate
from llama_index.llms.openai import OpenAI as LlamaOpenAI

from . import index as idx

QA_TEMPLATE = PromptTemplate(
    "Context:\n{context_str}\n\n"
    "Answer the question using only the context. Question: {query_str}\n"
)


def answer(question: str, top_k: int = 4) -> str:
    engine = idx.load().as_query_engine(similarity_top_k=top_k, text_qa_template=QA_TEMPLATE)
    return str(engine.query(question))


def answer_with_reasoning_model(question: str) -> str:
    llm = LlamaOpenAI(model="o1-mini", temperature=1.0)
    engine = idx.load().as_query_engine(llm=llm)
    return str(engine.query(question))
