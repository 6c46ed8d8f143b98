import json
from unittest import mock

from summarizer import handler


def test_handler_returns_summary():
    fake_body = mock.Mock()
    fake_body.read.return_value = json.dumps({"content": [{"text": "short"}]}).encode()
    with mock.patch.object(handler, "bedrock") as br, mock.patch.object(handler, "_read_document", return_value="doc"):
        br.invoke_model.return_value = {"body": fake_body}
        event = {"Records": [{"s3": {"bucket": {"name": "b"}, "object": {"key": "k"}}}]}
        out = handler.lambda_handler(event, None)
    assert json.loads(out["body"])["summary"] == "short"
