import os

OPENAI_API_KEY = os.getenv("OPENAI_API_KEY")
CHAT_MODEL = os.getenv("CHAT_MODEL", "gpt-3.5-turbo")
EMBED_ENGINE = "text-embedding-ada-002"

AZURE_API_BASE = "https://acme-eastus.openai.azure.com/"
AZURE_DEPLOYMENT = "gpt35-turbo-prod"
