const V3 = "https://openapi.akool.com/api/open/v3";
export const lip = (v, a, hook) => axios.post(`${V3}/content/video/lipsync`, { video_url: v, audio_url: a, ["webhook" + "Url"]: hook });
