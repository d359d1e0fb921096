const AKOOL_BASE = 'https://openapi.akool.com/api/open/v3';

function createTalkingPhoto(photoUrl, audioUrl) {
  var body = {
    talking_photo_url: photoUrl,
    audio_url: audioUrl,
    resolution: '720p'
  };
  var options = {
    'method': 'post',
    'contentType': 'application/json',
    'headers': { 'x-api-key': PropertiesService.getScriptProperties().getProperty('KEY') },
    'payload': JSON.stringify(body),
    'muteHttpExceptions': true
  };
  var response = UrlFetchApp.fetch(AKOOL_BASE + '/content/video/createbytalkingphoto', options);
  return JSON.parse(response.getContentText()).data._id;
}
