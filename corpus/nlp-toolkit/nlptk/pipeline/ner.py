import spacy

from nlptk import config as cfg

_settings = cfg.config.load()


class EntityExtractor:
    """Named entities with spaCy (en_core_web_sm by default, en_core_web_trf for accuracy)."""

    def __init__(self):
        self.nlp = spacy.load(cfg.SPACY_MODEL, disable=["lemmatizer"])

    def __call__(self, text: str) -> list[tuple[str, str]]:
        return [(ent.text, ent.label_) for ent in self.nlp(text).ents]


def load_custom_ner(path: str = "models/ner-custom"):
    return spacy.load(path)
