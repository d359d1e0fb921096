// Koa gateway: the mobile app posts here; we add the key and forward to AKOOL.
require('dotenv').config();
const Koa = require('koa');
const Router = require('@koa/router');
const got = require('got');

const app = new Koa();
const router = new Router();

router.post('/api/open/v3/faceswap/highquality/specifyimage', async (ctx) => {
  ctx.body = await got.post(`${process.env.AKOOL_BASE_URL}/faceswap/highquality/specifyimage`, {
    headers: { 'x-api-key': process.env.AKOOL_API_KEY },
    json: { ...ctx.request.body, face_enhance: 2 },
    retry: { limit: 2 },
  }).json();
});

router.get('/api/open/v3/faceswap/result/listbyids', async (ctx) => {
  ctx.body = await got(`${process.env.AKOOL_BASE_URL}/faceswap/result/listbyids`, {
    headers: { 'x-api-key': process.env.AKOOL_API_KEY },
    searchParams: { _ids: ctx.query.ids },
  }).json();
});

app.use(router.routes());
app.listen(process.env.PORT || 4000);
