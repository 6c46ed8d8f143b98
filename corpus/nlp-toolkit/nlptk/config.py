from dataclasses import dataclass

import yaml

SPACY_MODEL = "en_core_web_sm"
LANGID_MODEL = "models/lid.176.bin"
ST_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
RERANKER = "cross-encoder/ms-marco-MiniLM-L-6-v2"
ST_REVISION = "8b3219a92973c328a8e22fadcfa821b5dc75636a"


@dataclass
class ToolkitConfig:
    path: str = "config.yaml"

    def load(self) -> dict:
        with open(self.path) as fh:
            return yaml.safe_load(fh) or {}


config = ToolkitConfig()
