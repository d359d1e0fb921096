import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const videoRouter = router({
  create: publicProcedure
    .input(z.object({ photo: z.string().url(), audio: z.string().url(), resolution: z.enum(["720", "1080", "4k"]) }))
    .mutation(async ({ input }) => {
      const r = await fetch("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", {
        method: "POST",
        headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
        body: JSON.stringify({ talking_photo_url: input.photo, audio_url: input.audio, resolution: input.resolution }),
      });
      return (await r.json()).data._id as string;
    }),
});
