import Alamofire

let base = "https://openapi.akool.com/api/open/v3"

func createImage(prompt: String) {
    AF.request(base + "/content/image/createbyprompt", method: .post,
               parameters: ["prompt": prompt, "scale": "1:1"], encoding: JSONEncoding.default)
        .responseJSON { _ in }
}

func talk(image: String, audio: String) {
    AF.request("\(base)/content/video/createbytalkingphoto", method: .post,
               parameters: ["talking_photo_url": image, "audio_url": audio, "resolution": "720"],
               encoding: JSONEncoding.default)
}

func info(id: String) {
    AF.request("\(base)/content/video/infobymodelid", parameters: ["video_model_id": id])
}
