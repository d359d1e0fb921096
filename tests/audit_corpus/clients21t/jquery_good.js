const BASE = "https://openapi.akool.com/api/open/v3";

function createImage(prompt) {
  return $.post(BASE + "/content/image/createbyprompt", JSON.stringify({ prompt: prompt, scale: "1:1" }));
}

function talk(img, audio) {
  return $.ajax({
    url: BASE + "/content/video/createbytalkingphoto",
    type: "POST",
    contentType: "application/json",
    data: JSON.stringify({ talking_photo_url: img, audio_url: audio, resolution: "720" }),
  }).then(function (r) { return r.data._id; });
}

function talkWithCallback(img, audio) {
  $.ajax({
    url: BASE + "/content/video/createbytalkingphoto",
    type: "POST",
    contentType: "application/json",
    data: JSON.stringify({ talking_photo_url: img, audio_url: audio }),
    success: function (answer) {
      remember(answer.data._id);
    },
  });
}

function info(id) {
  return $.getJSON(BASE + "/content/video/infobymodelid", { video_model_id: id }, function (r) {
    showVideo(r.data.video);
  });
}

function infoAjax(id) {
  return $.ajax({ url: BASE + "/content/video/infobymodelid", data: { video_model_id: id } }).done((r) => r.data.video_status);
}
