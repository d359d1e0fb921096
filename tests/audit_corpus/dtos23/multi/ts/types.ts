export interface VideoData {
  _id: string;
  status: number;
  video?: string;
}

export interface VideoInfo {
  code: number;
  msg: string;
  data: VideoData;
}
