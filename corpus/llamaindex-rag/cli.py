import click

from rag import index, query
from rag.settings import configure


@click.group()
@click.option("--local", is_flag=True, help="Use a local Ollama model instead of OpenAI.")
def cli(local):
    configure(local=local)


@cli.command()
@click.argument("docs_dir", default="docs")
def ingest(docs_dir):
    index.build(docs_dir)
    click.echo("index built")


@cli.command()
@click.argument("question")
def ask(question):
    click.echo(query.answer(question))


if __name__ == "__main__":
    cli()
