// jQuery calls of AKOOL (a browser page's script).
const BASE = "https://openapi.akool.com/api/open/v3";

function createImage(prompt) {
  return $.post(BASE + "/content/image/createbyprompt", JSON.stringify({ prompt: prompt, size: "1:1" }));
}

function talk(img, audio) {
  return $.ajax({
    url: BASE + "/content/video/createbytalkingphoto",
    type: "POST",
    contentType: "application/json",
    data: JSON.stringify({ talking_photo_url: img, audio_url: audio, resolution: "720p" }),
  }).then(function (r) { return r.data.video_url; });
}

function talkWithCallback(img, audio) {
  $.ajax({
    url: BASE + "/content/video/createbytalkingphoto",
    type: "POST",
    contentType: "application/json",
    data: JSON.stringify({ talking_photo_url: img, audio_url: audio }),
    success: function (answer) {
      showVideo(answer.data.result_url);
    },
  });
}

function status(id) {
  return $.getJSON(BASE + "/content/video/status/" + id);
}

function info(id) {
  return $.ajax({ url: BASE + "/content/video/infobymodelid", type: "POST", data: { video_model_id: id } });
}

function infoQuery(id) {
  return $.getJSON(BASE + "/content/video/infobymodelid", { videoModelId: id });
}
