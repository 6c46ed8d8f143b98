from llama_cpp import Llama


class LlamaCppBackend:
    name = "llama.cpp"

    def __init__(
        self,
        model_path: str = "./models/mistral-7b-instruct-v0.2.Q4_K_M.gguf",
        n_ctx: int = 4096,
        n_gpu_layers: int = -1,
    ):
        self.llm = Llama(model_path=model_path, n_ctx=n_ctx, n_gpu_layers=n_gpu_layers, verbose=False)

    @classmethod
    def from_hub(cls, quant: str = "Q4_K_M"):
        backend = cls.__new__(cls)
        backend.llm = Llama.from_pretrained(
            repo_id="bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
            filename=f"*{quant}.gguf",
            n_ctx=8192,
        )
        return backend

    def chat(self, messages: list[dict], max_tokens: int = 512) -> str:
        out = self.llm.create_chat_completion(messages=messages, max_tokens=max_tokens)
        return out["choices"][0]["message"]["content"]
