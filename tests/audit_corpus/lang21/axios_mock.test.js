import axios from "axios";
import MockAdapter from "axios-mock-adapter";
const mock = new MockAdapter(axios);
mock.onPost("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").reply(200, { code: 1000, data: { _id: "x" } });
mock.onGet("https://openapi.akool.com/api/open/v3/content/video/infobymodelid").reply(200, { code: 1000, data: { video_status: 3 } });
