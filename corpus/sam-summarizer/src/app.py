import json
import os

from bedrock_client import converse

MODEL_ID = os.environ.get("MODEL_ID", "anthropic.claude-3-5-sonnet-20240620-v1:0")


def lambda_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    summary = converse(MODEL_ID, f"Summarise this support ticket in three bullet points:\n\n{body['ticket']}")
    return {"statusCode": 200, "body": json.dumps({"summary": summary})}
