export interface VideoData {
  _id: string;
  video_status: number;
  video?: string;
}

export interface VideoInfo {
  code: number;
  msg: string;
  data: VideoData;
}
