import { StorageVideos } from "./storageVideos";

const videos = new StorageVideos();

export async function cover(id: string): Promise<string> {
  const res = await videos.getVideo(id);
  return res.data.cover_url;
}
