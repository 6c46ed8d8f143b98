from .anthropic_provider import claude_chat
from .cohere_provider import cohere_chat, cohere_embed, cohere_rerank
from .google_provider import gemini_chat
from .misc import groq_chat, mistral_chat, replicate_image, together_chat

REGISTRY = {
    "claude": claude_chat,
    "gemini": gemini_chat,
    "mistral": mistral_chat,
    "cohere": cohere_chat,
    "groq": groq_chat,
    "together": together_chat,
}
