from moderation.pipeline import ModerationPipeline


def test_clean_text_is_not_flagged():
    result = ModerationPipeline(threshold=0.99).moderate("have a nice day")
    assert result["flagged"] is False
