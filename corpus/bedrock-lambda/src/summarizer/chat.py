"""Multi-turn chat endpoint using the Bedrock Converse API."""
import json
import os

import boto3

CHAT_MODEL_ID = os.environ.get("CHAT_MODEL_ID", "meta.llama3-1-70b-instruct-v1:0")


def _to_bedrock(messages):
    return [{"role": m["role"], "content": [{"text": m["text"]}]} for m in messages]


def chat_handler(event, context):
    client = boto3.client("bedrock-runtime")
    result = client.converse(
        modelId=CHAT_MODEL_ID,
        messages=_to_bedrock(event["messages"]),
        inferenceConfig={"maxTokens": 512, "temperature": 0.3},
    )
    return {"reply": result["output"]["message"]["content"][0]["text"]}


def quick_reply(text: str) -> str:
    client = boto3.client("bedrock-runtime")
    result = client.converse(
        modelId="amazon.nova-lite-v1:0",
        messages=_to_bedrock([{"role": "user", "text": text}]),
    )
    return result["output"]["message"]["content"][0]["text"]


def titan_embed(text: str) -> list[float]:
    session = boto3.Session(profile_name=os.environ.get("AWS_PROFILE"))
    resp = session.client("bedrock-runtime").invoke_model(
        modelId="amazon.titan-embed-text-v2:0",
        body=json.dumps({"inputText": text}),
    )
    return json.loads(resp["body"].read())["embedding"]
