import gradio as gr
import requests


def run(photo, audio, resolution):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
                         json={"talking_photo_url": photo, "audio_url": audio, "resolution": resolution}).json()


gr.Interface(run, [gr.Textbox(), gr.Textbox(), gr.Dropdown(["720", "1080", "4k"], value="1080")], "json").launch()
