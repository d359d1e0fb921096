interface ImageInfo {
  code: number;
  msg: string;
  data: { _id: string; image_status: number; image_url: string };
}

const BASE = "https://openapi.akool.com/api/open/v3";

export async function imageInfo(id: string, key: string): Promise<ImageInfo> {
  const r = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`, {
    headers: { "x-api-key": key },
  });
  return (await r.json()) as ImageInfo;
}
