export interface FieldDescriptor {
  key: string;
  label: string;
  type: "string" | "select" | "number";
  required?: boolean;
  options?: string[];
}

export interface ModelSchema {
  id: string;
  name: string;
  endpoint: string;
  method: "POST" | "GET";
  fields: FieldDescriptor[];
}

export const MODELS: ModelSchema[] = [
  {
    id: "talking-photo",
    name: "Talking Photo",
    endpoint: "/api/open/v3/content/video/createbytalkingphoto",
    method: "POST",
    fields: [
      { key: "talking_photo_url", label: "Photo URL", type: "string", required: true },
      { key: "audio_url", label: "Audio URL", type: "string", required: true },
      { key: "video_resolution", label: "Resolution", type: "select", options: ["720", "1080"] },
    ],
  },
  {
    id: "image",
    name: "Image",
    endpoint: "/api/open/v3/content/image/createbyprompt",
    method: "POST",
    fields: [
      { key: "prompt", label: "Prompt", type: "string", required: true },
      { key: "size", label: "Aspect", type: "select", options: ["1:1", "16:9"] },
    ],
  },
  {
    id: "good-image",
    name: "Image",
    endpoint: "/api/open/v3/content/image/createbyprompt",
    method: "POST",
    fields: [
      { key: "prompt", label: "Prompt", type: "string", required: true },
      { key: "scale", label: "Aspect", type: "select", options: ["1:1", "16:9"] },
    ],
  },
];

export function buildBody(model: ModelSchema, values: Record<string, string>) {
  const body: Record<string, string> = {};
  for (const f of model.fields) body[f.key] = values[f.key];
  return body;
}
