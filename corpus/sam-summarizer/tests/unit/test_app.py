import json
from unittest import mock

import app


def test_handler_wraps_summary():
    with mock.patch.object(app, "converse", return_value="- a\n- b\n- c"):
        out = app.lambda_handler({"body": json.dumps({"ticket": "hello"})}, None)
    assert json.loads(out["body"])["summary"].startswith("- a")
