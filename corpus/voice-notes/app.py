import gradio as gr

from notes import workflow


def handle(audio_path):
    text = workflow.transcribe_file(audio_path)
    summary = workflow.summarize_text(text)
    return text, summary


with gr.Blocks(title="Voice notes") as demo:
    gr.Markdown("Upload a voice memo to get a transcript and a summary.")
    audio = gr.Audio(type="filepath", label="Memo")
    transcript = gr.Textbox(label="Transcript", lines=8)
    summary = gr.Textbox(label="Summary", lines=4)
    gr.Button("Process").click(fn=handle, inputs=audio, outputs=[transcript, summary])

if __name__ == "__main__":
    demo.launch(server_name="0.0.0.0")
