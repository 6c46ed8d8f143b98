from vllm import LLM, SamplingParams

MODEL_ID = "Qwen/Qwen2.5-7B-Instruct"


class VLLMBackend:
    name = "vllm"

    def __init__(self, tensor_parallel_size: int = 1, revision: str | None = None):
        self.llm = LLM(
            model=MODEL_ID,
            tensor_parallel_size=tensor_parallel_size,
            gpu_memory_utilization=0.9,
            max_model_len=8192,
        )
        self.params = SamplingParams(temperature=0.7, top_p=0.95, max_tokens=512)

    def chat(self, messages: list[dict], max_tokens: int = 512) -> str:
        outputs = self.llm.chat(messages, sampling_params=self.params)
        return outputs[0].outputs[0].text


def load_awq(model: str = "Qwen/Qwen2.5-7B-Instruct-AWQ"):
    return LLM(model=model, quantization="awq", revision="a4f0b1b6c1c9e5a1d2c3b4a5f6e7d8c9b0a1f2e3")
