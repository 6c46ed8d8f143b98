import click
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

BASE_MODEL = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"


@click.command("export-onnx")
@click.option("--out", default="model.onnx", show_default=True)
@click.option("--opset", default=17, show_default=True)
def export_onnx(out, opset):
    """Export the sentiment model to ONNX."""
    tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL, revision="714eb0f")
    model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, revision="714eb0f").eval()
    sample = tokenizer("an example sentence", return_tensors="pt")
    torch.onnx.export(
        model,
        (sample["input_ids"], sample["attention_mask"]),
        out,
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}},
        opset_version=opset,
    )
    click.echo(f"wrote {out}")
