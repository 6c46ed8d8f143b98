from unittest import mock

from transformers import AutoModelForSequenceClassification

from evalkit import judges


def test_judge_parses_score():
    fake = mock.Mock()
    fake.choices = [mock.Mock(message=mock.Mock(content=" 0.75 "))]
    with mock.patch.object(judges.client.chat.completions, "create", return_value=fake):
        assert judges.judge_answers([{"q": "q", "a": "a"}], model="stub") == [0.75]


def test_nli_model_loads():
    model = AutoModelForSequenceClassification.from_pretrained("cross-encoder/nli-deberta-v3-xsmall")
    assert model.config.num_labels == 3
