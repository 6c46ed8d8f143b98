import vertexai
from vertexai.generative_models import GenerationConfig, GenerativeModel
from vertexai.language_models import TextEmbeddingModel

PROJECT = "acme-genai-prod"
LOCATION = "europe-west4"

vertexai.init(project=PROJECT, location=LOCATION)


class VertexSummarizer:
    MODEL_NAME = "gemini-1.5-flash-002"

    def __init__(self):
        self.model = GenerativeModel(
            self.MODEL_NAME,
            generation_config=GenerationConfig(temperature=0.2, max_output_tokens=1024),
        )

    def summarize(self, text: str) -> str:
        return self.model.generate_content(f"Summarise for an executive audience:\n\n{text}").text


def embed_documents(texts: list[str]) -> list[list[float]]:
    model = TextEmbeddingModel.from_pretrained("text-embedding-004")
    return [e.values for e in model.get_embeddings(texts)]
