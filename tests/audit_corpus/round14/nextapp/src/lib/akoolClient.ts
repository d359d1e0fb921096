const AKOOL_BASE_URL = process.env.AKOOL_BASE_URL ?? 'https://openapi.akool.com/api/open';

export interface AkoolResponse<T> { code: number; msg: string; data: T }

export async function akoolGet<T>(path: string, query?: Record<string, string | number>): Promise<AkoolResponse<T>> {
  const qs = query ? `?${new URLSearchParams(query as Record<string, string>).toString()}` : '';
  const res = await fetch(`${AKOOL_BASE_URL}${path}${qs}`, {
    headers: { 'x-api-key': process.env.AKOOL_API_KEY! },
    cache: 'no-store',
  });
  return res.json();
}

export async function listLiveAvatars() {
  return akoolGet<{ count: number; result: Array<{ avatar_id: string }> }>('/v4/liveAvatar/avatar/list', { page: 1, size: 100 });
}
