import click
import onnx


@click.command("inspect")
@click.argument("path", type=click.Path(exists=True))
def inspect_graph(path):
    """Print the inputs and outputs of an ONNX graph."""
    graph = onnx.load(path).graph
    for value in graph.input:
        click.echo(f"in  {value.name}")
    for value in graph.output:
        click.echo(f"out {value.name}")
