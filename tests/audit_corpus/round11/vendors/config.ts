export const config = {
  apiBase: process.env.SHOP_API_BASE ?? "",
  appKey: process.env.SHOP_APP_KEY ?? "",
};
