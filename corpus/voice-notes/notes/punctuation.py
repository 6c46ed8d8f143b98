"""Whisper output has little punctuation; a token classifier puts it back."""
from transformers import pipeline

punctuator = pipeline("token-classification", model="oliverguhr/fullstop-punctuation-multilang-large", aggregation_strategy="none")


def restore(text: str) -> str:
    out, words = [], text.split()
    for word, tag in zip(words, punctuator(" ".join(words))):
        out.append(word + (tag["entity"] if tag["entity"] != "0" else ""))
    return " ".join(out)
