package demo

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

@Serializable
data class VideoData(
    @SerialName("_id") val id: String,
    @SerialName("video_status") val status: Int,
    @SerialName("video") val url: String? = null,
)

@Serializable
data class VideoInfo(val code: Int, val data: VideoData)
