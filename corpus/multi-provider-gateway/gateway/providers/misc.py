import os

import replicate
from groq import Groq
from mistralai import Mistral
from together import Together

mistral = Mistral(api_key=os.environ.get("MISTRAL_API_KEY", ""))
groq_client = Groq()
together_client = Together()


def mistral_chat(messages: list[dict], max_tokens: int = 1024) -> str:
    resp = mistral.chat.complete(model="mistral-large-latest", messages=messages, max_tokens=max_tokens)
    return resp.choices[0].message.content


def groq_chat(messages: list[dict], max_tokens: int = 1024) -> str:
    resp = groq_client.chat.completions.create(
        model="llama-3.1-70b-versatile", messages=messages, max_tokens=max_tokens
    )
    return resp.choices[0].message.content


def together_chat(messages: list[dict], max_tokens: int = 1024) -> str:
    resp = together_client.chat.completions.create(
        model="meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo",
        messages=messages,
        max_tokens=max_tokens,
    )
    return resp.choices[0].message.content


def replicate_image(prompt: str) -> str:
    output = replicate.run(
        "black-forest-labs/flux-schnell",
        input={"prompt": prompt, "num_outputs": 1, "output_format": "webp"},
    )
    return str(output[0])
