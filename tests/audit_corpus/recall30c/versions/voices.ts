const AKOOL_ROOT = "https://openapi.akool.com/api/open";
const AKOOL_V4 = `${AKOOL_ROOT}/v4`;

export async function voices(key: string): Promise<string[]> {
  const res = await fetch(`${AKOOL_V4}/voice/list?type=1&page=1`, { headers: { "x-api-key": key } });
  const json = await res.json();
  return json.data.result.map((v: { voice_id: string }) => v.voice_id);
}

export async function voiceInfo(key: string, id: string) {
  const res = await fetch(`${AKOOL_V4}/voice/detail?voice_id=${id}`, { headers: { "x-api-key": key } });
  return (await res.json()).data;
}
