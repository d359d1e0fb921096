package demo

suspend fun talk(client: HttpClient) = client.put("${Api.BASE}${Api.TALK}")

suspend fun poll(client: HttpClient, id: String) = client.get("${Api.BASE}${Api.INFO}?video_model_id=$id")
