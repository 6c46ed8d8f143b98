import click
from huggingface_hub import snapshot_download

from modelctl.commands.export import export_onnx
from modelctl.commands.inspect import inspect_graph


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Print more.")
@click.pass_context
def cli(ctx, verbose):
    """Package and inspect classification models."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose


@cli.command("download")
@click.argument("repo_id")
@click.option("--revision", default="main")
def download(repo_id, revision):
    """Fetch a model repository into the local cache."""
    path = snapshot_download(repo_id=repo_id, revision=revision)
    click.echo(path)


cli.add_command(export_onnx)
cli.add_command(inspect_graph)
