// Express gateway in front of AKOOL: the browser calls these routes, the server holds the key.
const express = require('express');
const axios = require('axios');

const app = express();
app.use(express.json());
const AKOOL_URL = process.env.AKOOL_URL || 'https://openapi.akool.com/api/open/v3';
const headers = { 'x-api-key': process.env.AKOOL_API_KEY };

app.post('/api/open/v3/content/video/createbytalkingphoto', async (req, res) => {
  const { data } = await axios.post(`${AKOOL_URL}/content/video/createbytalkingphoto`, {
    ...req.body,
    webhookUrl: `${process.env.PUBLIC_URL}/hooks/akool`,
  }, { headers });
  res.json(data);
});

app.get('/api/faceswap/status/:id', async (req, res) => {
  const { data } = await axios.get(`${AKOOL_URL}/faceswap/result/listbyids`, {
    headers,
    params: { _ids: req.params.id },
  });
  res.json(data);
});

app.post('/api/faceswap/image', async (req, res) => {
  const { sourceImage, targetImage, modifyImage } = req.body;
  const { data } = await axios.post(`${AKOOL_URL}/faceswap/highquality/specifyimage`, {
    sourceImage,
    targetImage,
    modifyImage,
    face_enhance: "1",
  }, { headers });
  res.json(data);
});

app.listen(process.env.PORT || 3000);
