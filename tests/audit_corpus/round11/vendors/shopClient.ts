import { config } from "./config";

interface Provider {
  apiBase: string;
  token: string;
}

export async function listOrders(provider: Provider, page: number) {
  const res = await fetch(`${provider.apiBase}/api/open/v1/orders/list?page=${page}`, {
    headers: { Authorization: `Bearer ${provider.token}` },
  });
  return res.json();
}

export async function syncItems() {
  const res = await fetch(config.apiBase + "/api/open/v2/shop/items", { method: "POST" });
  return res.json();
}

export const videoStatus = (id: string) =>
  fetch(`${config.apiBase}/api/open/v3/content/video/make/${id}`).then((r) => r.json());
