import os

from slack_bolt import App

from copilot.assistant import Assistant
from copilot.moderation import is_flagged

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
assistant = Assistant()


@app.event("app_mention")
def on_mention(event, say):
    text = event["text"]
    if is_flagged(text):
        say("Sorry, I can't help with that.")
        return
    label = assistant.triage(text)
    draft = assistant.draft_reply(event["channel"], [{"role": "user", "content": text}])
    say(f"*{label}* suggested reply:\n{draft}")


if __name__ == "__main__":
    app.start(port=int(os.environ.get("PORT", 3000)))
