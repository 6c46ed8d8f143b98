import openai

openai_client = openai.OpenAI()


def is_flagged(text: str) -> bool:
    result = openai_client.moderations.create(model="omni-moderation-latest", input=text)
    return result.results[0].flagged


def tts(text: str, voice: str = "alloy") -> bytes:
    speech = openai_client.audio.speech.create(model="tts-1", voice=voice, input=text)
    return speech.content
