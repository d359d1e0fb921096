Imports System.Net.Http
Imports System.Net.Http.Json
Imports System.Text.Json

Module Program
    Const BaseUrl As String = "https://openapi.akool.com/api/open/v3"

    Async Function Run(args As String()) As Task
        Dim http As New HttpClient()
        http.DefaultRequestHeaders.Add("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY"))
        Dim r1 = Await http.PostAsJsonAsync(BaseUrl & "/content/video/createbytalkingphoto", New With {.talking_photo_url = args(0), .audio_url = args(1), .resolution = "720p"})
        Dim body = New With {.talking_photo_url = args(0), .resolution = "720"}
        Dim r2 = Await http.PostAsJsonAsync(BaseUrl & "/content/video/createbytalkingphoto", body)
        Dim info = Await http.GetStringAsync(BaseUrl & "/content/video/infobymodelid?video_id=" & args(2))
        Dim old = Await http.GetStringAsync(BaseUrl & "/content/video/status?video_model_id=" & args(2))
        Using doc = JsonDocument.Parse(info)
            Dim data = doc.RootElement.GetProperty("data")
            If data.GetProperty("video_status").GetInt32() = 5 Then
                Console.WriteLine(data.GetProperty("video_url").GetString())
            End If
            If doc.RootElement.GetProperty("code").GetInt32() = 200 Then
                Console.WriteLine("ok")
            End If
        End Using
    End Function
End Module
