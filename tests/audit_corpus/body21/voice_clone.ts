// Voice cloning: one body with the v3 audio/clone fields, one with a guessed file field.
const V4 = "https://openapi.akool.com/api/open/v4";
const headers = { "x-api-key": process.env.AKOOL_API_KEY ?? "" };

export async function cloneFromSample(sample: string) {
  const res = await axios.post(`${V4}/voice/clone`, { audio_url: sample, name: "narrator" }, { headers });
  return res.data;
}

export async function cloneLegacy(text: string, sample: string) {
  const res = await axios.post(
    `${V4}/voice/clone`,
    { input_text: text, voice_url: sample, rate: "100%" },
    { headers },
  );
  return res.data;
}
