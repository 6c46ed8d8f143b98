import boto3

runtime = boto3.client("bedrock-runtime")


def converse(model_id: str, prompt: str, max_tokens: int = 512) -> str:
    resp = runtime.converse(
        modelId=model_id,
        messages=[{"role": "user", "content": [{"text": prompt}]}],
        inferenceConfig={"maxTokens": max_tokens, "temperature": 0.2},
    )
    return resp["output"]["message"]["content"][0]["text"]
