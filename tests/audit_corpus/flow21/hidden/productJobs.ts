import { createAkoolJob } from "@/lib/akool-jobs";

// Every job goes through the app's AKOOL helper (its module is not part of this folder).
export async function talkingPhoto(photo: string, audio: string) {
  return createAkoolJob("/v3/content/video/createbytalkingphoto", {
    talking_photo_url: photo,
    audio_url: audio,
  });
}

export async function productAd(productUrl: string) {
  return createAkoolJob("/v3/product-ad/create", { url: productUrl });
}

export async function me() {
  return createAkoolJob("/v1/users/me", {});
}
