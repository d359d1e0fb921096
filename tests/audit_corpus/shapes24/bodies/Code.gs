const AKOOL_V3 = 'https://openapi.akool.com/api/open/v3';

function translateVideo(url) {
  const key = PropertiesService.getScriptProperties().getProperty('AKOOL_API_KEY');
  const res = UrlFetchApp.fetch(AKOOL_V3 + '/content/video/createbytranslate', {
    method: 'post',
    contentType: 'application/json',
    headers: { 'x-api-key': key },
    payload: JSON.stringify({ url: url, language: 'es', lipsync: 'true' }),
  });
  const j = JSON.parse(res.getContentText());
  return j.data._id;
}
