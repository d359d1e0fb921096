import { axios } from "@pipedream/platform";

export default defineComponent({
  props: {
    akool_api_key: { type: "string", secret: true },
  },
  async run({ steps, $ }) {
    const res = await axios($, {
      method: "POST",
      url: "https://openapi.akool.com/api/open/v4/voice/clone",
      headers: { "x-api-key": this.akool_api_key },
      data: {
        source_voice_file: steps.trigger.event.body.recording_url,
        name: `Customer ${steps.trigger.event.body.customer_id}`,
      },
    });
    return res.data._id;
  },
});
