import os

import requests
import streamlit as st

API = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}

st.title("Image generator")
prompt = st.text_input("Prompt")
aspect = st.selectbox("Aspect ratio", ["1:1", "16:9", "9:16", "4:5"])
if st.button("Generate") and prompt:
    r = requests.post(f"{API}/content/image/createbyprompt", headers=H, json={"prompt": prompt, "scale": aspect})
    st.session_state["image_id"] = r.json()["data"]["_id"]
    st.write("Queued", st.session_state["image_id"])
