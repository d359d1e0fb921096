// talking photo + image generation through one request() helper (no semicolons, standard style)
const BASE_URL = process.env.AKOOL_BASE_URL || 'https://openapi.akool.com/api/open/v3'
const API_KEY = process.env.AKOOL_API_KEY

const request = async (endpoint, body) => {
  const res = await fetch(`${BASE_URL}${endpoint}`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  if (!res.ok) throw new Error(`AKOOL ${res.status}`)
  return res.json()
}

async function main () {
  const photo = await request('/content/video/createbytalkingphoto', {
    talking_photo_url: 'https://example.com/me.png',
    audio_url: 'https://example.com/me.mp3',
    resolution: '1080'
  })
  const image = await request('/content/image/createbyprompt', { prompt: 'a cat', size: '1:1' })
  const info = await request('/content/video/infobymodelid', { video_model_id: photo.data._id })
  const guess = await request('/photo/talking', { image_url: 'x', audio_url: 'y' })
  return { image, info, guess }
}

main()
