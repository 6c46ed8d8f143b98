import logging

import openai
import tiktoken

import bot.config as config

openai.api_key = config.OPENAI_API_KEY
log = logging.getLogger(__name__)

enc = tiktoken.encoding_for_model("gpt-3.5-turbo")


def trim(messages: list[dict], budget: int = 3000) -> list[dict]:
    while sum(len(enc.encode(m["content"])) for m in messages) > budget and len(messages) > 1:
        messages = messages[1:]
    return messages


def chat(messages: list[dict], temperature: float = 0.7) -> str:
    response = openai.ChatCompletion.create(
        model=config.CHAT_MODEL,
        messages=trim(messages),
        temperature=temperature,
    )
    return response["choices"][0]["message"]["content"]


def chat_azure(messages: list[dict]) -> str:
    response = openai.ChatCompletion.create(
        engine=config.AZURE_DEPLOYMENT,
        api_type="azure",
        api_base=config.AZURE_API_BASE,
        api_version="2023-05-15",
        messages=trim(messages),
    )
    return response["choices"][0]["message"]["content"]


def complete(prompt: str) -> str:
    log.debug("completion via text-davinci-003")
    response = openai.Completion.create(model="gpt-3.5-turbo-instruct", prompt=prompt, max_tokens=200)
    return response["choices"][0]["text"]


def embed(text: str) -> list[float]:
    return openai.Embedding.create(input=[text], engine=config.EMBED_ENGINE)["data"][0]["embedding"]
