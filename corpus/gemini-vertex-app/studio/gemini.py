import os

import google.generativeai as genai

genai.configure(api_key=os.environ["GOOGLE_API_KEY"])

SAFETY = {"HARASSMENT": "BLOCK_ONLY_HIGH", "HATE_SPEECH": "BLOCK_ONLY_HIGH"}


def chat_model(tier: str = "flash"):
    return genai.GenerativeModel(f"gemini-1.5-{tier}", safety_settings=SAFETY)


def pro_model(system_instruction: str):
    return genai.GenerativeModel(
        model_name="gemini-1.5-pro-002",
        system_instruction=system_instruction,
        generation_config={"temperature": 0.4, "max_output_tokens": 2048},
    )


def embed(texts: list[str]) -> list[list[float]]:
    result = genai.embed_content(model="models/text-embedding-004", content=texts, task_type="retrieval_document")
    return result["embedding"]


def describe_image(image_bytes: bytes, variant: str) -> str:
    model = genai.GenerativeModel("gemini-1.5-" + variant)
    resp = model.generate_content([{"mime_type": "image/png", "data": image_bytes}, "Describe this image."])
    return resp.text
