"""`akool audit` on session nineteen's recall31n shapes: .NET (C#, VB) and PowerShell HTTP and
JSON libraries: bodies serialized into a name before they are sent, PowerShell hashtables piped
to ConvertTo-Json, System.Text.Json's JsonNode indexers, Flurl's fluent URLs and HttpRequestMessage
initializers holding a DTO class."""

from __future__ import annotations

from akool_cli.audit.scan import audit_text

ROOT_V3 = "https://openapi.akool.com/api/open/v3"
TALK = f"{ROOT_V3}/content/video/createbytalkingphoto"


def source(*lines: str) -> str:
    return "\n".join(lines)


def places(text: str, name: str) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in audit_text(text, name)}


# -- csharp-serialized-anonymous-body-held-in-name-missing-field-silent (repro21q) -------------------


def test_a_literal_serialized_into_a_name_then_sent_is_the_whole_body() -> None:
    for serializer in ("JsonSerializer.Serialize", "JsonConvert.SerializeObject"):
        text = source(
            "var http = new HttpClient();",
            f'var json = {serializer}(new {{ talking_photo_url = args[0], resolution = "720" }});',
            f'var resp = await http.PostAsync("{TALK}",',
            '    new StringContent(json, Encoding.UTF8, "application/json"));',
        )
        assert places(text, "Talk.cs") == {(2, "missing-field")}, serializer


def test_a_serialized_literal_with_its_every_field_or_touched_later_is_not_judged() -> None:
    whole = source(
        "var http = new HttpClient();",
        "var json = JsonSerializer.Serialize(new { talking_photo_url = a, audio_url = b });",
        f'var resp = await http.PostAsync("{TALK}", new StringContent(json));',
    )
    assert places(whole, "Talk.cs") == set()
    bound_twice = source(
        "var http = new HttpClient();",
        "var json = JsonSerializer.Serialize(new { talking_photo_url = a, audio_url = b });",
        "if (late) json = JsonSerializer.Serialize(new { talking_photo_url = a });",
        f'var resp = await http.PostAsync("{TALK}", new StringContent(json));',
    )
    assert (3, "missing-field") not in places(bound_twice, "Talk.cs")


# -- powershell-hashtable-body-missing-field-silent (repro21q) --------------------------------------


def test_a_powershell_hashtable_sent_by_invoke_restmethod_lacking_a_field_is_reported() -> None:
    held = source(
        '$headers = @{ "x-api-key" = $env:AKOOL_API_KEY }',
        "$body = @{",
        "    talking_photo_url = $PhotoUrl  # the photo",
        "",
        '    resolution        = "720"',
        "} | ConvertTo-Json",
        f'$res = Invoke-RestMethod -Method Post -Uri "{TALK}" `',
        '    -Headers $headers -ContentType "application/json" -Body $body',
    )
    assert places(held, "talk.ps1") == {(2, "missing-field")}
    inline = (
        f'Invoke-WebRequest -Method Post -Uri "{TALK}" -ContentType "application/json" '
        '-Body (@{ talking_photo_url = $args[0]; resolution = "720" } | ConvertTo-Json)'
    )
    assert places(inline, "talk.ps1") == {(1, "missing-field")}


def test_a_powershell_hashtable_with_more_than_its_keys_or_all_fields_is_not_judged() -> None:
    whole = source(
        "$body = @{ talking_photo_url = $p; audio_url = $a } | ConvertTo-Json",
        f'Invoke-RestMethod -Method Post -Uri "{TALK}" -Body $body',
    )
    assert places(whole, "talk.ps1") == set()
    array_value = source(  # (a comma makes an array: the entries are not plainly its keys)
        '$body = @{ talking_photo_url = $p; extra = "a", "b" } | ConvertTo-Json',
        f'Invoke-RestMethod -Method Post -Uri "{TALK}" -Body $body',
    )
    assert (1, "missing-field") not in places(array_value, "talk.ps1")
    own_function = source(  # (the script's own function may add a field before it sends)
        "$body = @{ talking_photo_url = $p } | ConvertTo-Json",
        f'Send-Akool -Method Post -Uri "{TALK}" -Body $body',
    )
    assert (1, "missing-field") not in places(own_function, "talk.ps1")


# -- csharp-jsonnode-indexer-status-read-not-judged (repro21q) --------------------------------------

INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1"


def node_file(*reads: str) -> str:
    return source(
        "var http = new HttpClient();",
        f'var json = JsonNode.Parse(await http.GetStringAsync("{INFO}"))!;',
        *reads,
    )


def test_jsonnode_reads_through_null_forgiving_indexers_are_judged() -> None:
    text = node_file(
        'if (json["data"]!["video_status"]!.GetValue<int>() == 2)',
        "{",
        '    var url = json["data"]!["video"]!.GetValue<string>();',
        "}",
        'if ((int)json["data"]!["video_status"]! == 5) { }',
        'Console.WriteLine(json["data"]!["video_url"]!.GetValue<string>());',
    )
    assert places(text, "Poll.cs") == {
        (3, "status-value"),  # 2 is processing, taken as done (the video is read)
        (7, "status-value"),
        (8, "response-field"),
    }


def test_a_newtonsoft_typed_value_conversion_is_compared_like_the_read() -> None:
    text = node_file('if (json["data"]["video_status"].Value<int>() == 5) { }')
    assert places(text, "Poll.cs") == {(3, "status-value")}


def test_null_forgiving_reads_of_documented_fields_and_a_not_are_no_finding() -> None:
    text = node_file(
        'if (json["data"]!["video_status"]!.GetValue<int>() == 3 && !done)',
        "{",
        '    Console.WriteLine(json["data"]!["video"]!.GetValue<string>() + "!");',
        "}",
        'if (json["code"]!.GetValue<int>() != 1000) { throw new Exception("failed!"); }',
    )
    assert places(text, "Poll.cs") == set()


def test_the_envelope_code_of_a_jsonnode_or_jtoken_root_is_judged() -> None:
    for parse in ("JsonNode.Parse", "JToken.Parse"):
        text = source(
            "var http = new HttpClient();",
            f'var node = {parse}(await http.GetStringAsync("{INFO}"))!;',
            'if (node["code"]!.GetValue<int>() == 200) { Console.WriteLine("ok"); }',
            'if ((int)node["code"] != 1000) { throw new Exception("failed"); }',
        )
        assert places(text, "Poll.cs") == {(3, "status-value")}, parse


# -- csharp-flurl-fluent-url-calls-not-read (repro21q) ----------------------------------------------

FLURL_HEAD = (
    "using Flurl;",
    "using Flurl.Http;",
    'const string Api = "https://openapi.akool.com/api/open/v3";',
)


def test_a_flurl_url_strings_chain_sends_its_verbs_body() -> None:
    text = source(
        *FLURL_HEAD,
        'var created = await "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"',
        '    .WithHeader("x-api-key", key)',
        '    .PostJsonAsync(new { prompt = "a fox", scale = "5:4" })',
        "    .ReceiveJson();",
        'var body = new { talking_photo_url = args[0], resolution = "720" };',
        'await Api.AppendPathSegment("content/video/createbytalkingphoto").PostJsonAsync(body);',
    )
    assert places(text, "Flurl.cs") == {(6, "bad-value"), (8, "missing-field")}


def test_flurl_segments_join_their_base_and_its_query_is_read() -> None:
    text = source(
        *FLURL_HEAD,
        'var a = await "https://openapi.akool.com/api/open/v3"',
        '    .AppendPathSegment("content/video/status")',
        "    .GetJsonAsync();",
        'var b = await Api.AppendPathSegments("content", "video", "infobymodelid")',
        '    .SetQueryParam("video_id", id).GetJsonAsync<Info>();',
        'var c = await Api.AppendPathSegment("content/video/infobymodelid")',
        "    .SetQueryParams(new { model_id = id }).GetStringAsync();",
    )
    assert places(text, "Flurl.cs") == {
        (5, "unknown-endpoint"),
        (8, "unknown-field"),
        (10, "unknown-field"),
    }


def test_a_right_flurl_chain_is_no_finding() -> None:
    text = source(
        *FLURL_HEAD,
        'var r = await Api.AppendPathSegment("content").AppendPathSegment("video")',
        '    .AppendPathSegment("createbytalkingphoto")',
        "    .WithHeaders(new { x_api_key = key, Accept = accept })",
        '    .PostJsonAsync(new { talking_photo_url = p, audio_url = a, resolution = "720" });',
        'var s = await Api.AppendPathSegments("content", "video").AppendPathSegment("infobymodelid")',
        '    .SetQueryParam("video_model_id", id).GetJsonAsync<Info>();',
        'var t = await Api.AppendPathSegment("content/video").AppendPathSegment(kind).GetStringAsync();',
    )
    assert places(text, "Flurl.cs") == set()


# -- powershell-script-scope-variable-base-not-joined (repro21r) ------------------------------------


def test_a_powershell_scope_qualified_base_is_joined_like_a_plain_one() -> None:
    for scope in ("script", "global", "Script"):
        text = source(
            f'${scope}:Base = if ($env:AKOOL_BASE) {{ $env:AKOOL_BASE }} else {{ "{ROOT_V3}" }}',
            "function Get-AkoolVideo {",
            "    param([string]$Id)",
            f'    $r = Invoke-RestMethod -Uri "${scope}:Base/content/video/infobymodelid?video_model_id=$Id"',
            "    [pscustomobject]@{ Status = $r.data.video_status; Url = $r.data.video_url }",
            f'    Invoke-RestMethod -Uri "${{{scope}:Base}}/content/video/status"',
            "}",
        )
        assert places(text, "AkoolTools.psm1") == {(5, "response-field"), (6, "unknown-endpoint")}


# -- csharp-httprequestmessage-initializer-jsoncontent-dto-class-missed (repro21p) ------------------

TTS_DTO = (
    "public sealed class TtsRequest",
    "{",
    '    [JsonPropertyName("input_text")] public string Text { get; init; } = "";',
    '    [JsonPropertyName("voiceId")] public string VoiceId { get; init; } = "";',
    "}",
)


def test_a_dto_set_as_a_request_messages_content_in_its_initializer_is_the_body() -> None:
    for content in ("JsonContent.Create(", "new StringContent(JsonSerializer.Serialize("):
        closing = ")" if content.startswith("Json") else "))"
        text = source(
            *TTS_DTO,
            "var msg = new HttpRequestMessage(HttpMethod.Post, "
            '"https://openapi.akool.com/api/open/v4/voice/tts")',
            "{",
            f"    Content = {content}new TtsRequest {{ Text = t, VoiceId = v }}{closing},",
            "};",
            "var res = await http.SendAsync(msg);",
        )
        assert places(text, "Tts.cs") == {(4, "misnamed-field")}, content


def test_a_dto_elsewhere_in_a_request_messages_initializer_is_not_its_body() -> None:
    text = source(
        *TTS_DTO,
        'var msg = new HttpRequestMessage(HttpMethod.Post, "https://openapi.akool.com/api/open/v4/voice/tts")',
        "{",
        '    Content = JsonContent.Create(new { input_text = t, voice_id = "v" }),',
        "    Options = { new TtsRequest { Text = t, VoiceId = v } },",
        "};",
    )
    assert places(text, "Tts.cs") == set()


# -- RestSharp (the library matrix): typed responses' .Data, chained query, a JSON body's fields ----

REST_HEAD = (
    "using RestSharp;",
    'var client = new RestClient("https://openapi.akool.com/api/open/v3");',
)


def test_a_restsharp_typed_responses_data_is_the_answer() -> None:
    text = source(
        *REST_HEAD,
        'var req = new RestRequest("content/video/infobymodelid").AddQueryParameter("video_model_id", id);',
        "var info = await client.ExecuteGetAsync<InfoResponse>(req);",
        "if (info.Data!.data.video_status == 3 && info.Data.code == 1000)",
        "    Console.WriteLine(info.Data.data.video);",
        "if (info.Data?.data?.video_status == 5) { }",
        "record InfoData(int video_status, string video);",
        "record InfoResponse(int code, InfoData data);",
    )
    assert places(text, "Rest.cs") == {(7, "status-value")}


def test_a_restsharp_query_chained_on_its_request_is_read() -> None:
    text = source(
        *REST_HEAD,
        'var req = new RestRequest("content/video/infobymodelid").AddQueryParameter("video_id", id);',
        "var info = await client.ExecuteGetAsync(req);",
    )
    assert places(text, "Rest.cs") == {(3, "unknown-field")}


def test_a_restsharp_json_body_lacking_a_field_is_reported_unless_more_is_added() -> None:
    lines = (
        'var body = new { talking_photo_url = p, resolution = "720" };',
        'var req = new RestRequest("content/video/createbytalkingphoto", Method.Post);',
        "req.AddJsonBody(body);",
        "await client.ExecuteAsync(req);",
        'var req2 = new RestRequest("content/video/createbytalkingphoto", Method.Post)',
        '    .AddJsonBody(new { talking_photo_url = p, resolution = "720" });',
        "await client.ExecuteAsync(req2);",
    )
    assert places(source(*REST_HEAD, *lines), "Rest.cs") == {
        (3, "missing-field"),
        (8, "missing-field"),
    }
    more = source(*REST_HEAD, *lines, 'req2.AddParameter("audio_url", a);')
    assert places(more, "Rest.cs") == set()


def test_a_flurl_clients_requests_join_its_base() -> None:
    text = source(
        "using Flurl.Http;",
        'var akool = new FlurlClient("https://openapi.akool.com/api/open/v3").WithHeader("x-api-key", k);',
        'var r = await akool.Request("content", "video", "createbytalkingphoto")',
        '    .PostJsonAsync(new { talking_photo_url = p, audio_url = a, resolution = "720p" });',
        'var s = await akool.Request("content/video/status").GetStringAsync();',
        'var t = await akool.Request("content/video/infobymodelid").SetQueryParam("video_model_id", i)',
        "    .GetStringAsync();",
    )
    assert places(text, "Flurl.cs") == {(4, "bad-value"), (5, "unknown-endpoint")}


# -- PowerShell (the library matrix): splatted parameters, a GET's -Body as its query ---------------


def test_a_splatted_hashtables_body_is_the_requests() -> None:
    text = source(
        "$params = @{",
        f'    Uri         = "{TALK}"',
        '    Method      = "Post"',
        '    Body        = (@{ talking_photo_url = $p; audio_url = $a; resolution = "720p" } | ConvertTo-Json)',
        "}",
        "$r = Invoke-RestMethod @params",
        "$other = @{",
        f'    Uri  = "{TALK}"',
        '    Body = (@{ talking_photo_url = $p; audio_url = $a; resolution = "4k" } | ConvertTo-Json)',
        "}",
    )
    assert places(text, "talk.ps1") == {(4, "bad-value")}  # ($other is splatted nowhere)


def test_a_powershell_gets_body_hashtable_is_its_query() -> None:
    info = f"{ROOT_V3}/content/video/infobymodelid"
    text = source(
        f'$s = Invoke-RestMethod -Uri "{info}" -Body @{{ video_id = $id }}',
        f'$t = Invoke-RestMethod -Uri "{info}" -Method Get -Body @{{ video_model_id = $id }}',
        f'$u = Invoke-RestMethod -Uri "{TALK}" -Method Post -Body (@{{ talking_photo_url = $p; '
        "audio_url = $a } | ConvertTo-Json)",
    )
    assert places(text, "poll.ps1") == {(1, "unknown-field")}


def test_null_conditional_reads_are_read_through() -> None:
    text = node_file(
        'if (json?["data"]?["video_status"]?.GetValue<int>() == 5) { }',
        'if (json["data"]?["video_status"]?.ToObject<int>() == 6) { }',
        'var fallback = json?["data"]?["video"]?.ToString() ?? "";',
        "var pick = ready ? [1] : [2];",
    )
    assert places(text, "Poll.cs") == {(3, "status-value"), (4, "status-value")}


# -- VB.NET (the library matrix): read as the C# it amounts to ------------------------------------


def test_vbnet_anonymous_bodies_joined_bases_and_conditions_are_read() -> None:
    text = source(
        "Module Program",
        '    Const BaseUrl As String = "https://openapi.akool.com/api/open/v3" \' the API',
        "    Async Function Run(p As String, a As String) As Task",
        "        Dim http As New HttpClient()",
        '        Dim body = New With {.talking_photo_url = p, .resolution = "720"}',
        '        Await http.PostAsJsonAsync(BaseUrl & "/content/video/createbytalkingphoto", body)',
        '        Await http.PostAsJsonAsync(BaseUrl & "/content/video/createbytalkingphoto", '
        'New With {.talking_photo_url = p, .audio_url = a, .resolution = "4k"})',
        '        Dim old = Await http.GetStringAsync(BaseUrl & "/content/video/status?video_model_id=" & p)',
        '        Dim s = Await http.GetStringAsync(BaseUrl & "/content/video/infobymodelid?video_model_id=" & p)',
        "        Using doc = JsonDocument.Parse(s)",
        '            If doc.RootElement.GetProperty("data").GetProperty("video_status").GetInt32() = 5 Then',
        "                Console.WriteLine(\"Done & dusted = 'yes'\")",
        "            End If",
        "        End Using",
        "    End Function",
        "End Module",
    )
    assert places(text, "Akool.vb") == {
        (5, "missing-field"),
        (7, "bad-value"),
        (8, "unknown-endpoint"),
        (11, "status-value"),
    }


def test_a_right_vbnet_call_is_no_finding() -> None:
    text = source(
        'Const Info As String = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"',
        'Dim s = Await http.GetStringAsync(Info & "?video_model_id=" & id) \' poll',
        "Dim doc = JsonDocument.Parse(s)",
        'If doc.RootElement.GetProperty("data").GetProperty("video_status").GetInt32() <> 3 Then',
        "    Return",
        "End If",
    )
    assert places(text, "Poll.vb") == set()


def test_a_powershell_hashtable_added_to_before_it_is_sent_is_not_judged() -> None:
    for added in (
        '$payload.Add("audio_url", $a)',
        "$payload += @{ audio_url = $a }",
        "$payload = $payload + $extra",
        "if ($a) { $payload.audio_url = $a }",
    ):
        text = source(
            "$payload = @{",
            "    talking_photo_url = $p",
            '    resolution = "720"',
            "}",
            added,
            "$json = $payload | ConvertTo-Json -Depth 5",
            f'Invoke-RestMethod -Uri "{TALK}" -Method Post -Body $json',
        )
        assert places(text, "talk.ps1") == set(), added


def test_a_vbnet_assignment_after_then_is_no_comparison() -> None:
    text = source(
        "Dim Latest = 9",
        'Dim s = Await http.GetStringAsync("https://openapi.akool.com/api/open/v3/content/video/'
        'infobymodelid?video_model_id=" & id)',
        "Dim doc = JsonDocument.Parse(s)",
        'If ready Then Latest = doc.RootElement.GetProperty("data").GetProperty("video_status").GetInt32()',
    )
    assert places(text, "Poll.vb") == set()
