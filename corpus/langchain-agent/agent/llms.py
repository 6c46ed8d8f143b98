"""Model factory for the agent.

Everything defaults to OpenAI; set AGENT_PROVIDER=anthropic to use Claude
(claude-3-5-sonnet) or AGENT_PROVIDER=local for an Ollama model.
"""
import os

from langchain.chat_models import init_chat_model
from langchain_anthropic import ChatAnthropic
from langchain_google_genai import ChatGoogleGenerativeAI
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI, OpenAIEmbeddings


def get_chat_model(model_name: str = "gpt-4o", temperature: float = 0.0):
    return ChatOpenAI(model=model_name, temperature=temperature, max_retries=3)


def get_reviewer():
    return ChatAnthropic(model="claude-3-5-sonnet-20240620", max_tokens=2048)


def get_router():
    # cheap model for intent routing
    return init_chat_model("anthropic:claude-3-5-haiku-20241022", temperature=0)


def get_summarizer():
    return ChatGoogleGenerativeAI(model="gemini-1.5-flash", temperature=0.2)


def get_local_model():
    return ChatOllama(model=os.getenv("OLLAMA_MODEL", "llama3.1:8b"), base_url="http://localhost:11434")


def get_embeddings(local: bool = False):
    if local:
        return HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")
    return OpenAIEmbeddings(model="text-embedding-3-large", dimensions=1024)


def get_fallback():
    return init_chat_model("mistral-large-latest", model_provider="mistralai", temperature=0)


def get_by_provider(provider: str):
    if provider == "anthropic":
        return get_reviewer()
    if provider == "local":
        return get_local_model()
    if provider == "mistral":
        return get_fallback()
    return get_chat_model()
