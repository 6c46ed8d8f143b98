import json

import spacy
import typer

from evalkit.data import load_eval_set
from evalkit.judges import judge_answers

app = typer.Typer(help="Score generated answers with an LLM judge.")


@app.command()
def evaluate(dataset: str = "rajpurkar/squad_v2", judge: str = "gpt-4o", limit: int = 200):
    rows = load_eval_set(dataset, limit)
    scores = judge_answers(rows, model=judge)
    typer.echo(json.dumps({"dataset": dataset, "judge": judge, "mean": sum(scores) / len(scores)}))


@app.command("check-env")
def check_env():
    nlp = spacy.load("en_core_web_sm")
    typer.echo(f"spaCy pipeline: {nlp.pipe_names}")


if __name__ == "__main__":
    app()
