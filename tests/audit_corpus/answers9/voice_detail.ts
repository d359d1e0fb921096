import axios from "axios";

interface VoiceResource {
  status: number;
  preview?: string;
}

export async function voiceStatus(id: string): Promise<number> {
  const res = await axios.get(`https://openapi.akool.com/api/open/v4/voice/resource/detail/${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
  });
  return res.data.data.status;
}

export async function voiceResource(id: string): Promise<VoiceResource> {
  const res = await axios.get(`https://openapi.akool.com/api/open/v4/voice/resource/detail/${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
  });
  const { data } = res.data;
  const v = res.data.data.result;
  return { status: data.result.status ?? v.status, preview: v.preview };
}
