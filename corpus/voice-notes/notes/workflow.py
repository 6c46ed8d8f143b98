import notes.punctuation
from notes.summarizer import Summarizer
from notes.transcriber import WhisperTranscriber


def transcribe_file(path: str) -> str:
    transcriber = WhisperTranscriber.create()
    raw = transcriber.transcribe(path)
    return notes.punctuation.restore(raw)


def summarize_text(text: str) -> str:
    return Summarizer().summarize(text)
