import { createAkoolJob } from "@/lib/akool";

export async function startVideo(photoUrl: string, audioUrl: string) {
  const job = await createAkoolJob("/v3/content/video/make", { photo_url: photoUrl, audio_url: audioUrl });
  return job.data._id;
}

export async function startSwap(source: string, target: string) {
  return createAkoolJob("/v3/faceswap/highquality/specifyimage", { sourceImage: [{ path: source }], targetImage: [{ path: target }] });
}
