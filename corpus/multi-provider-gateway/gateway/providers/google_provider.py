import os

from google import genai
from google.genai import types

client = genai.Client(api_key=os.environ["GEMINI_API_KEY"])


def gemini_chat(messages: list[dict], max_tokens: int = 1024) -> str:
    contents = [
        types.Content(role="user" if m["role"] == "user" else "model", parts=[types.Part(text=m["content"])])
        for m in messages
        if m["role"] != "system"
    ]
    resp = client.models.generate_content(
        model="gemini-2.0-flash-exp",
        contents=contents,
        config=types.GenerateContentConfig(max_output_tokens=max_tokens),
    )
    return resp.text
