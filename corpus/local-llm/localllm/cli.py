import typer

from localllm.backends.llamacpp import LlamaCppBackend
from localllm.backends.ollama_backend import OllamaBackend
from localllm.backends.vllm_backend import VLLMBackend

app = typer.Typer()

BACKENDS = {"llamacpp": LlamaCppBackend, "ollama": OllamaBackend, "vllm": VLLMBackend}


@app.command()
def chat(prompt: str, backend: str = "ollama"):
    engine = BACKENDS[backend]()
    print(engine.chat([{"role": "user", "content": prompt}]))


if __name__ == "__main__":
    app()
