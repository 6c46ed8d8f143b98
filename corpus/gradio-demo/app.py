import gradio as gr

from demo.models import speech_to_text, text_to_image, text_to_image_xl


def generate(prompt: str, steps: int, use_xl: bool):
    pipe = text_to_image_xl() if use_xl else text_to_image()
    return pipe(prompt, num_inference_steps=steps).images[0]


def transcribe_then_draw(audio_path: str, steps: int):
    result = speech_to_text().transcribe(audio_path)
    prompt = result["text"].strip()
    return prompt, generate(prompt, steps, use_xl=False)


with gr.Blocks(title="Voice to image") as demo:
    gr.Markdown("Speak a prompt; Whisper transcribes it and Stable Diffusion draws it.")
    with gr.Row():
        audio = gr.Audio(type="filepath", label="Prompt (audio)")
        steps = gr.Slider(10, 50, value=25, step=1, label="Steps")
    text = gr.Textbox(label="Transcribed prompt")
    image = gr.Image(label="Result")
    gr.Button("Generate").click(transcribe_then_draw, [audio, steps], [text, image])

if __name__ == "__main__":
    demo.launch(server_name="0.0.0.0")
