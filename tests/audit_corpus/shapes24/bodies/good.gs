const AKOOL_BASE2 = 'https://openapi.akool.com/api/open/v3';
function createGood(photoUrl, audioUrl) {
  var response = UrlFetchApp.fetch(AKOOL_BASE2 + '/content/video/createbytalkingphoto', {
    method: 'post',
    contentType: 'application/json',
    headers: { 'x-api-key': KEY },
    payload: JSON.stringify({ talking_photo_url: photoUrl, audio_url: audioUrl }),
  });
  return JSON.parse(response.getContentText()).data._id;
}
