import torch
import whisper
from huggingface_hub import hf_hub_download


class CachedModels:
    """Keeps one instance of each loaded model per process."""

    _cache: dict = {}

    def cached(self, key, factory):
        if key not in self._cache:
            self._cache[key] = factory()
        return self._cache[key]

    def load_vad(self):
        model, _utils = torch.hub.load("snakers4/silero-vad", "silero_vad", trust_repo=True)
        return model


class WhisperTranscriber(CachedModels):
    @classmethod
    def create(cls):
        cls.fetch_vocabulary()
        return cls()

    @classmethod
    def fetch_vocabulary(cls) -> str:
        return hf_hub_download(repo_id="openai/whisper-small.en", filename="vocab.json", revision="e8727524f962ee844a7319d92be39ac1bd25655a")

    def _load_whisper(self):
        return whisper.load_model("small.en", device="cuda" if torch.cuda.is_available() else "cpu")

    def transcribe(self, path: str) -> str:
        vad = self.load_vad()
        model = self.cached("whisper", self._load_whisper)
        result = model.transcribe(path, fp16=False, condition_on_previous_text=vad is None)
        return result["text"].strip()
