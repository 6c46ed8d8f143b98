import anthropic

_client = anthropic.Anthropic()

CLAUDE_MODEL = "claude-3-5-sonnet-20241022"


def claude_chat(messages: list[dict], max_tokens: int = 1024) -> str:
    system = "\n".join(m["content"] for m in messages if m["role"] == "system")
    msg = _client.messages.create(
        model=CLAUDE_MODEL,
        max_tokens=max_tokens,
        system=system,
        messages=[m for m in messages if m["role"] != "system"],
    )
    return msg.content[0].text
