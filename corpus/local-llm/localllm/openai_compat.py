"""Talk to any of the local servers through their OpenAI-compatible endpoint."""
from openai import OpenAI

ollama_openai = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")


def ask_ollama(prompt: str, model: str = "llama3.1") -> str:
    resp = ollama_openai.chat.completions.create(
        model=model, messages=[{"role": "user", "content": prompt}]
    )
    return resp.choices[0].message.content


def ask_vllm_server(prompt: str, base_url: str = "http://localhost:8000/v1") -> str:
    client = OpenAI(base_url=base_url, api_key="EMPTY")
    resp = client.completions.create(model="Qwen/Qwen2.5-7B-Instruct", prompt=prompt, max_tokens=256)
    return resp.choices[0].text
