type Avatar = { avatar_id: string; name: string };

export async function avatarPage(): Promise<{ list: Avatar[]; total: number }> {
  const res = await fetch("https://openapi.akool.com/api/open/v3/avatar/list?from=3", {
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
  });
  const json = await res.json();
  const { result, count } = json.data;
  const first: Avatar | undefined = json.data?.[0];
  console.log(json.data?.length, first?.avatar_id);
  return { list: result, total: count };
}

export async function livePage() {
  const res = await fetch("https://openapi.akool.com/api/open/v4/liveAvatar/avatar/list?page=1", {
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
  });
  const json = await res.json();
  return { list: json.data.result, total: json.data.count };
}
