import { AkoolVideoClient } from "./akoolVideoClient";

const client = new AkoolVideoClient(process.env.AKOOL_API_KEY ?? "");

export async function videoUrl(id: string): Promise<string | undefined> {
  const res = await client.getVideo(id);
  if (res.data.data.video_status === 3) {
    return res.data.data.video_url_hd;
  }
  return undefined;
}

export async function progress(id: string): Promise<number> {
  const body = await client.videoInfo(id);
  return body.data.percent;
}

export async function thumbnail(id: string): Promise<string> {
  const data = await client.videoData(id);
  return data.thumbnail ?? data.video;
}

export async function status(id: string): Promise<number> {
  const data = await client.videoData(id);
  return data.video_status;
}

export async function avatarThumbs(): Promise<string[]> {
  const avatars = await client.listAvatars();
  return avatars.map((a) => a.thumbnail || a.cover);
}
