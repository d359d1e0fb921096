// Voice lab: wait for a cloned voice to be ready, then play its preview
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function voiceReady(id) {
  const res = await fetch("https://openapi.akool.com/api/open/v4/voice/resource/detail/" + id, { headers });
  const json = await res.json();
  if (json.code !== 1000) throw new Error(json.msg);
  console.log("file", json.data.file_name);
  return json.data.status === 3;
}

async function voicePreview(id) {
  const res = await fetch(`https://openapi.akool.com/api/open/v4/voice/resource/detail/${id}`, { headers });
  const json = await res.json();
  const { status, preview } = json.data.result;
  const again = json?.data?.result?.status;
  return status === 3 || again === 3 ? preview : null;
}

async function ourJob(id) {
  const res = await fetch(`https://api.example.com/jobs/${id}`);
  const json = await res.json();
  return json.data.status;
}

module.exports = { voiceReady, voicePreview, ourJob };
