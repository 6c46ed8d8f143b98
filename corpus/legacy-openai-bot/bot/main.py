import os

import discord
from dotenv import load_dotenv

from bot import llm

load_dotenv()

intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)
history: dict[int, list[dict]] = {}


@client.event
async def on_message(message: discord.Message):
    if message.author == client.user or not client.user.mentioned_in(message):
        return
    convo = history.setdefault(message.channel.id, [])
    convo.append({"role": "user", "content": message.clean_content})
    reply = llm.chat(convo)
    convo.append({"role": "assistant", "content": reply})
    await message.channel.send(reply[:2000])


if __name__ == "__main__":
    client.run(os.environ["DISCORD_TOKEN"])
