import { NextResponse } from 'next/server';
import { akoolGet, listLiveAvatars } from '@/lib/akoolClient';

export async function GET() {
  const voices = await akoolGet<any>('/v4/voice/list', { page: 1, size: 50 });
  const avatars = await listLiveAvatars();
  return NextResponse.json({
    voices: voices.data.map((v: any) => ({ id: v.voice_id })),
    avatars: avatars.data.result.map((a) => a.avatar_id),
    first: avatars.data.avatar_id,
  });
}

// Right: as the docs give them.
export async function POST() {
  const voices = await akoolGet<any>('/v4/voice/list', { type: 2, page: 1 });
  const avatars = await listLiveAvatars();
  return NextResponse.json({
    voices: voices.data.result.map((v: any) => ({ id: v.voice_id })),
    first: avatars.data.result[0].avatar_id,
  });
}
