import { axios } from "@pipedream/platform";

export default defineComponent({
  async run({ steps, $ }) {
    const res = await axios($, {
      method: "POST",
      url: "https://openapi.akool.com/api/open/v4/voice/clone",
      data: { source_voice_file: "x", name: "y" },
    });
    return res._id;
  },
});
