import { talkingPhoto } from "./d28Speaker";

export async function render(image: string, voice: string) {
  const sd = await talkingPhoto(image, voice);
  const hd = await talkingPhoto(image, voice, "4k");
  return [sd, hd];
}
