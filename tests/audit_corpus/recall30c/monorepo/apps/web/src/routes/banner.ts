import { createAkool } from "@acme/akool-client";

const akool = createAkool({ apiKey: process.env.AKOOL_API_KEY! });

export async function makeBanner(prompt: string) {
  const res = await akool.post("/content/image/createbyprompt", { prompt, scale: "16:10" });
  return res.data._id;
}
