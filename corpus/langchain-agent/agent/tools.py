import json
import math

from langchain_core.tools import tool


@tool
def calculator(expression: str) -> str:
    """Evaluate a basic arithmetic expression such as '2 * (3 + 4)'."""
    allowed = {k: getattr(math, k) for k in ("sqrt", "log", "sin", "cos", "pi", "e")}
    return str(eval(expression, {"__builtins__": {}}, allowed))


@tool
def lookup_order(order_id: str) -> str:
    """Look up an order in the local fixtures file."""
    with open("fixtures/orders.json") as fh:
        orders = json.load(fh)
    return json.dumps(orders.get(order_id, {"error": "not found"}))


TOOLS = [calculator, lookup_order]
