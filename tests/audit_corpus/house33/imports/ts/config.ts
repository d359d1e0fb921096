export const apiBase = "https://openapi.akool.com/api/open/v3";
export const shopBase = process.env.SHOP_BASE ?? "https://shop.example.com";
