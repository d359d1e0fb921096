import { createJob } from "@/lib/render";

// Our own render farm's API.
export const render = (sceneUrl: string) => createJob("/v3/content/video/make", { sceneUrl });
