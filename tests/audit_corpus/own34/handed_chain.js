const URL_ = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1";
function poll(token) {
  return fetch(URL_, { headers: { Authorization: `Bearer ${token}` } })
    .then((r) => r.json())
    .then((j) => {
      if (j.data.video_status === 5) {
        return "done";
      }
    });
}
