import json
import os

import boto3
from aws_lambda_powertools import Logger

logger = Logger(service="summarizer")

bedrock = boto3.client("bedrock-runtime", region_name=os.environ.get("AWS_REGION", "us-east-1"))
s3 = boto3.client("s3")

MAX_TOKENS = 1024


def _read_document(bucket: str, key: str) -> str:
    obj = s3.get_object(Bucket=bucket, Key=key)
    return obj["Body"].read().decode("utf-8")


@logger.inject_lambda_context
def lambda_handler(event, context):
    record = event["Records"][0]["s3"]
    text = _read_document(record["bucket"]["name"], record["object"]["key"])
    body = {
        "anthropic_version": "bedrock-2023-05-31",
        "max_tokens": MAX_TOKENS,
        "messages": [{"role": "user", "content": f"Summarise this document:\n\n{text}"}],
    }
    response = bedrock.invoke_model(
        modelId=os.environ.get("BEDROCK_MODEL_ID", "anthropic.claude-3-haiku-20240307-v1:0"),
        body=json.dumps(body),
        contentType="application/json",
        accept="application/json",
    )
    payload = json.loads(response["body"].read())
    summary = payload["content"][0]["text"]
    logger.info("summary generated", extra={"chars": len(summary)})
    return {"statusCode": 200, "body": json.dumps({"summary": summary})}
