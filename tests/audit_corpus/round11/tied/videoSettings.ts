// Settings of our AKOOL account.
export const videoSettings = {
  base: process.env.VIDEO_API_BASE ?? "",
  clientId: process.env.VIDEO_CLIENT_ID ?? "",
};
