import functools

import torch
import whisper
from diffusers import DPMSolverMultistepScheduler, StableDiffusionPipeline, StableDiffusionXLPipeline

DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
DTYPE = torch.float16 if DEVICE == "cuda" else torch.float32

SD15 = "stable-diffusion-v1-5/stable-diffusion-v1-5"
SDXL = "stabilityai/stable-diffusion-xl-base-1.0"


@functools.lru_cache(maxsize=1)
def text_to_image():
    pipe = StableDiffusionPipeline.from_pretrained(SD15, torch_dtype=DTYPE, safety_checker=None)
    pipe.scheduler = DPMSolverMultistepScheduler.from_config(pipe.scheduler.config)
    return pipe.to(DEVICE)


@functools.lru_cache(maxsize=1)
def text_to_image_xl():
    pipe = StableDiffusionXLPipeline.from_pretrained(
        SDXL,
        torch_dtype=DTYPE,
        variant="fp16",
        use_safetensors=True,
    )
    pipe.enable_model_cpu_offload()
    return pipe


@functools.lru_cache(maxsize=1)
def speech_to_text(size: str = "base"):
    return whisper.load_model(size, device=DEVICE)
