import os


class Settings:
    azure_endpoint: str = os.getenv("AZURE_OPENAI_ENDPOINT", "https://contoso-support.openai.azure.com/")
    azure_api_version: str = "2024-06-01"
    chat_deployment: str = "gpt-4o-support"
    embedding_deployment: str = "text-embedding-3-large"
    openrouter_model: str = "meta-llama/llama-3.1-405b-instruct"
    max_history: int = 20


settings = Settings()
