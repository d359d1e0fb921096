package demo;

public class VideoInfo {
    public int code;
    public VideoData data;
}
