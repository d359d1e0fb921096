class JobsController < ApplicationController
  BASE = "https://openapi.akool.com/api/open/v3"

  def refresh
    job = Job.find_by!(token: params[:token])
    return head :ok if job.video_status == 5
    res = HTTParty.get("#{BASE}/content/video/infobymodelid", query: { video_model_id: job.akool_id }, headers: { "x-api-key" => ENV["AKOOL_API_KEY"] })
    data = res.parsed_response["data"]
    job.update!(video: data["video"]) if data["video_status"] == 3
    head :ok
  end
end
