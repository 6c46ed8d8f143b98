import torch
from diffusers import StableDiffusionUpscalePipeline
from PIL import Image

UPSCALER = "stabilityai/stable-diffusion-x4-upscaler"
UPSCALER_REVISION = "572c99286543a273bfe17eba0ce3d4f1cdd9be1b"


def upscale(image: Image.Image, prompt: str = "") -> Image.Image:
    pipe = StableDiffusionUpscalePipeline.from_pretrained(
        UPSCALER, revision=UPSCALER_REVISION, torch_dtype=torch.float16
    ).to("cuda")
    low_res = image.resize((128, 128))
    return pipe(prompt=prompt, image=low_res).images[0]
