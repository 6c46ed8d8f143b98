import streamlit as st

from studio.gemini import chat_model, describe_image
from vertex.client import VertexSummarizer

st.title("Gemini studio")
mode = st.sidebar.radio("Mode", ["Chat", "Image", "Summarise (Vertex)"])

if mode == "Chat":
    tier = st.sidebar.selectbox("Model", ["flash", "pro"])
    if "chat" not in st.session_state:
        st.session_state.chat = chat_model(tier).start_chat()
    prompt = st.chat_input("Ask Gemini")
    if prompt:
        st.write(st.session_state.chat.send_message(prompt).text)
elif mode == "Image":
    upload = st.file_uploader("Image", type=["png"])
    if upload:
        st.write(describe_image(upload.read(), st.sidebar.selectbox("Variant", ["flash", "pro"])))
else:
    text = st.text_area("Document")
    if st.button("Summarise") and text:
        st.write(VertexSummarizer().summarize(text))
