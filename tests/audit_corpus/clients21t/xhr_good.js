const BASE = "https://openapi.akool.com/api/open/v3";

function createImage(prompt) {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", BASE + "/content/image/createbyprompt");
  xhr.setRequestHeader("Content-Type", "application/json");
  xhr.send(JSON.stringify({ prompt: prompt, scale: "1:1" }));
}

function talk(img, audio) {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", `${BASE}/content/video/createbytalkingphoto`, true);
  xhr.send(JSON.stringify({ talking_photo_url: img, audio_url: audio, resolution: "720" }));
}

function info(id) {
  const xhr = new XMLHttpRequest();
  xhr.open("GET", BASE + "/content/video/infobymodelid?video_model_id=" + id);
  xhr.onload = () => {
    const answer = JSON.parse(xhr.responseText);
    show(answer.data.video);
  };
  xhr.send();
}
