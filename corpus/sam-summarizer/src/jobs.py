"""Nightly digest of yesterday's tickets, triggered by an EventBridge schedule."""
import datetime as dt

import boto3

from bedrock_client import converse

tickets = boto3.resource("dynamodb").Table("tickets")


def nightly_digest(event, context):
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    items = tickets.query(KeyConditionExpression="day = :d", ExpressionAttributeValues={":d": day})["Items"]
    text = "\n".join(i["title"] for i in items)
    digest = converse("amazon.nova-pro-v1:0", f"Write a short digest of these tickets:\n{text}", max_tokens=1024)
    return {"day": day, "digest": digest, "count": len(items)}
