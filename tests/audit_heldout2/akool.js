// AKOOL client for the render worker. Docs: https://docs.akool.com/ai-tools-suite/talking-photo
const axios = require('axios');
const axiosRetry = require('axios-retry').default;

const api = axios.create({
  baseURL: process.env.AKOOL_BASE_URL || 'https://openapi.akool.com/api/open/v3',
  timeout: 30000,
  headers: { 'x-api-key': process.env.AKOOL_API_KEY },
});
axiosRetry(api, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

async function createTalkingPhoto(opts) {
  const res = await api.post('/content/video/createbytalkingphoto', {
    talking_photo_url: opts.photo,
    audio_url: opts.audio,
    resolution: opts.resolution || '720p',
    webhookUrl: opts.webhook,
  });
  return res.data.data.task_id;
}

async function getVideo(id) {
  const res = await api.get('/content/video/infobymodelid', { params: { video_model_id: id } });
  return res.data.data;
}

async function translate(url, lang) {
  const res = await api.post('/content/video/createbytranslate', {
    url,
    language: lang,
    lipsync: 'true',
  });
  return res.data.data._id;
}

async function voices() {
  const { data } = await api.get('/voice/list', { params: { from: 3 } });
  return data.data;
}

module.exports = { createTalkingPhoto, getVideo, translate, voices };
