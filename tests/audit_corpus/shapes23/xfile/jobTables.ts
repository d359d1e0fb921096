export const STATUS_PATHS = {
  video: { createPath: "/v4/image2video/createBySourcePrompt", getPath: "/v4/image2video/info" },
  avatar: { createPath: "/v3/talkingavatar/create", getPath: "/v3/talkingavatar/detail" },
} as const;
export type Kind = keyof typeof STATUS_PATHS;
