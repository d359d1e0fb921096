import { akoolGet } from "@/lib/akool";

export const myVoices = (page: number) => akoolGet(`/v4/voice/list?page=${page}&size=20`);
export const akoolVoices = (page: number) => akoolGet(`/v4/voice/list?type=2&page=${page}`);
export const withParams = () => akoolGet("/v4/voice/list", { params: { type: 1 } });
export const resources = () => akoolGet("/v4/voice/resource/list");
