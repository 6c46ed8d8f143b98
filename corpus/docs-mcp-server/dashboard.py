"""Streamlit page for support staff: `streamlit run dashboard.py`."""
import streamlit as st
from openai import OpenAI

from docs_mcp.index import DocIndex

st.set_page_config(page_title="Docs search", layout="wide")
st.title("Documentation search")

index = DocIndex("index.npz")
client = OpenAI()

question = st.text_input("Ask the docs")
if question:
    hits = index.search(question, 5)
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "\n\n".join(hits) + "\n\nQuestion: " + question}],
    )
    st.markdown(reply.choices[0].message.content)
    with st.expander("Passages"):
        for hit in hits:
            st.write(hit)
