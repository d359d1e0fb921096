"""`akool audit` on session nineteen's recall31r shapes: PHP's, Ruby's and Elixir's HTTP and JSON
libraries (curl, Guzzle, Laravel's Http, Symfony's HttpClient, WordPress; Net::HTTP, Faraday,
HTTParty, RestClient, Typhoeus, http.rb, Excon; Req, Tesla, HTTPoison) as their docs write them."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit_text
from tests.test_audit_recall30c import folder_places

BASE = "https://openapi.akool.com/api/open/v3"
STATUS = f"{BASE}/content/video/infobymodelid"


def source(*lines: str) -> str:
    return "\n".join(lines)


def places(text: str, name: str) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in audit_text(text, name)}


# -- the envelope's code read on a PHP or Ruby parse ------------------------------------------------


def test_php_json_decode_and_to_array_code_is_the_envelopes() -> None:
    for parse in ("json_decode($response->getBody(), true)", "$response->toArray()"):
        text = source(
            "<?php",
            f"$response = $client->request('GET', '{STATUS}', ['query' => ['video_model_id' => $id]]);",
            f"$data = {parse};",
            "echo $data['data']['video'];",
            "if ($data['code'] == 200) {",
            "    echo 'ok';",
            "}",
        )
        assert places(text, "s.php") == {(5, "status-value")}, parse


def test_ruby_parsed_bodies_code_is_the_envelopes() -> None:
    for parse in ("response.parse", "response.parsed_response"):
        text = source(
            'require "http"',
            f'response = HTTP.get("{STATUS}", params: {{ video_model_id: ARGV[0] }})',
            f"data = {parse}",
            'puts data["data"]["video"]',
            'if data["code"] == 200',
            '  puts "ok"',
            "end",
        )
        assert places(text, "s.rb") == {(5, "status-value")}, parse


def test_a_responses_code_member_is_the_http_status_not_the_envelopes() -> None:
    text = source(
        'require "httparty"',
        f'response = HTTParty.get("{STATUS}", query: {{ video_model_id: 1 }})',
        'puts response["data"]["video"]',
        "if response.code == 200",
        '  puts "ok"',
        "end",
    )
    assert places(text, "s.rb") == set()


def test_php_curl_code_read_after_curl_exec_is_the_calls() -> None:
    text = source(
        "<?php",
        f"$ch = curl_init('{STATUS}?video_model_id=' . $id);",
        "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);",
        "$res = json_decode(curl_exec($ch), true);",
        "echo $res['data']['video'];",
        "if ($res['code'] === 200) {",
        "    echo 'ok';",
        "}",
    )
    assert places(text, "s.php") == {(6, "status-value")}


def test_php_curl_code_of_another_hosts_curl_is_not_judged() -> None:
    text = source(
        "<?php",
        f"$ch = curl_init('{STATUS}?video_model_id=' . $id);",
        "$res = json_decode(curl_exec($ch), true);",
        "echo $res['data']['video'];",
        "$ch = curl_init('https://api.example.com/v1/jobs');",
        "$other = json_decode(curl_exec($ch), true);",
        "if ($other['code'] === 200) {",
        "    echo 'ok';",
        "}",
    )
    assert places(text, "s.php") == set()


def test_a_json_middleware_body_code_is_the_envelopes() -> None:
    elixir = source(
        f'resp = Req.get!("{STATUS}", params: [video_model_id: "x"])',
        'IO.puts(resp.body["data"]["video"])',
        'if resp.body["code"] == 200 do',
        "  :ok",
        "end",
    )
    assert places(elixir, "s.exs") == {(3, "status-value")}
    ruby = source(
        'conn = Faraday.new(url: "https://openapi.akool.com") { |f| f.response :json }',
        'res = conn.get("/api/open/v3/content/video/infobymodelid?video_model_id=1")',
        'puts res.body["data"]["video"]',
        'if res.body["code"] == 200',
        '  puts "ok"',
        "end",
    )
    assert places(ruby, "s.rb") == {(4, "status-value")}


# -- a query given as the argument of the call (repro21q ruby-faraday-get-params-argument) -----------


def test_faradays_params_argument_is_the_query() -> None:
    text = source(
        'require "faraday"',
        f'conn = Faraday.new(url: "{BASE}/")',
        'conn.get("content/video/infobymodelid", id: ARGV[0])',
        'conn.get("content/video/infobymodelid", { videoModelId: ARGV[0] })',
        f'Faraday.get("{STATUS}", {{ "id" => ARGV[0] }}, {{ "x-api-key" => KEY }})',
        'conn.get("content/video/infobymodelid", video_model_id: ARGV[0])',
    )
    assert places(text, "s.rb") == {
        (3, "misnamed-field"),
        (4, "misnamed-field"),
        (5, "misnamed-field"),
    }


def test_restclients_second_argument_is_its_headers_not_a_query() -> None:
    text = source(
        'require "rest-client"',
        f'RestClient.get("{STATUS}?video_model_id=1", {{ accept: :json }})',
    )
    assert places(text, "s.rb") == set()


def test_php_query_arguments_laravel_wordpress_and_inline_builder() -> None:
    text = source(
        "<?php",
        "use Illuminate\\Support\\Facades\\Http;",
        f"$r = Http::withHeaders(['x-api-key' => $k])->get('{STATUS}', ['id' => $id]);",
        "$r = Http::withHeaders(['x-api-key' => $k])",
        f"    ->get('{STATUS}', ['video_model_id' => $id]);",
        f"$r = wp_remote_get(add_query_arg(array('id' => $id), '{STATUS}'));",
        f"$r = wp_remote_get(add_query_arg('videoModelId', $id, '{STATUS}'));",
        f"$j = file_get_contents('{STATUS}?' . http_build_query(['id' => $argv[1]]));",
    )
    assert places(text, "s.php") == {
        (3, "misnamed-field"),
        (6, "misnamed-field"),
        (7, "misnamed-field"),
        (8, "misnamed-field"),
    }


def test_guzzles_second_argument_is_its_options() -> None:
    text = source(
        "<?php",
        f"$r = $client->get('{STATUS}', ['query' => ['video_model_id' => $id], 'timeout' => 5]);",
    )
    assert places(text, "s.php") == set()


def test_elixir_keyword_list_params_are_the_query() -> None:
    text = source(
        f'Req.get!("{STATUS}", params: [id: id])',
        f'Req.get!("{STATUS}", params: [video_model_id: id])',
    )
    assert places(text, "s.exs") == {(1, "misnamed-field")}


# -- a body held in a name, sent by PHP's, Ruby's and Elixir's libraries ----------------------------

TALK = f"{BASE}/content/video/createbytalkingphoto"
MISSING = {(2, "missing-field")}


def test_held_bodies_sent_by_script_libraries_are_judged_whole() -> None:
    php_held = ("<?php", "$payload = [", "    'talking_photo_url' => 'https://x/a.png',", "];")
    ruby_held = ("payload = {", '  talking_photo_url: "https://x/a.png"', "}")
    shapes = {
        "wp.php": (
            *php_held,
            f"wp_remote_post('{TALK}', array('body' => wp_json_encode($payload)));",
        ),
        "curl.php": (
            *php_held,
            f"$ch = curl_init('{TALK}');",
            "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($payload));",
        ),
        "laravel.php": (
            *php_held,
            f"Http::withHeaders(['x-api-key' => $k])->post('{TALK}', $payload);",
        ),
        "net.rb": (
            "",
            *ruby_held,
            f'req = Net::HTTP::Post.new(URI("{TALK}"))',
            "req.body = payload.to_json",
        ),
        "req.exs": (
            "",
            "payload = %{",
            '  talking_photo_url: "https://x/a.png"',
            "}",
            f'Req.post!("{TALK}", json: payload)',
        ),
        "poison.exs": (
            "",
            "payload = %{",
            '  "talking_photo_url" => "https://x/a.png"',
            "}",
            f'HTTPoison.post!("{TALK}", Jason.encode!(payload), [])',
        ),
    }
    for name, lines in shapes.items():
        assert places(source(*lines), name) == MISSING, name


def test_a_php_body_bound_in_each_of_two_functions_is_each_functions() -> None:
    text = source(
        "<?php",
        "function a() {",
        "    $payload = ['talking_photo_url' => 'https://x/a.png', 'audio_url' => 'https://x/a.mp3'];",
        "}",
        "function b() {",
        "    $payload = ['talking_photo_url' => 'https://x/a.png'];",
        f"    wp_remote_post('{TALK}', array('body' => wp_json_encode($payload)));",
        "}",
    )
    assert places(text, "s.php") == {(6, "missing-field")}


# -- a base given as a Ruby keyword parameter's default ----------------------------------------------


def test_a_ruby_keyword_parameters_default_base_is_the_clients() -> None:
    text = source(
        'require "faraday"',
        "class AkoolClient",
        f'  DEFAULT_BASE = "{BASE}/"',
        "  def initialize(key, base: DEFAULT_BASE)",
        '    @conn = Faraday.new(url: base, headers: { "x-api-key" => key })',
        "  end",
        "  def retired",
        '    @conn.post("content/video/createbytalkingphoto2", { talking_photo_url: "u", audio_url: "a" })',
        "  end",
        "end",
    )
    assert places(text, "s.rb") == {(8, "unknown-endpoint")}


# -- Tesla's verb functions, Ruby's calls without parentheses, Typhoeus' request object -------------


def test_teslas_verb_function_sends_a_held_body_whole() -> None:
    text = source(
        "defmodule AkoolClient do",
        "  use Tesla",
        f'  plug Tesla.Middleware.BaseUrl, "{BASE}"',
        "  def talk_held do",
        "    body = %{",
        '      talking_photo_url: "https://x/a.png"',
        "    }",
        '    post("/content/video/createbytalkingphoto", body)',
        "  end",
        "end",
    )
    assert places(text, "c.ex") == {(5, "missing-field")}


def test_a_ruby_helper_of_the_files_own_may_add_fields() -> None:
    text = source(
        "# Tesla-like helper",
        "def post(url, body)",
        '  body[:audio_url] ||= "https://x/a.mp3"',
        "  HTTParty.post(url, body: body.to_json)",
        "end",
        "payload = {",
        '  talking_photo_url: "https://x/a.png"',
        "}",
        f'post("{TALK}", payload)',
    )
    assert places(text, "s.rb") == set()


def test_ruby_calls_without_parentheses_send_their_arguments() -> None:
    text = source(
        'require "rest-client"',
        "payload = {",
        '  talking_photo_url: "https://x/a.png"',
        "}",
        f'RestClient.post "{TALK}", payload.to_json, {{ content_type: :json }}',
        f'RestClient.post "{TALK}",',
        '  { talking_photo_url: "u", audio_url: "a", resolution: "720p" }.to_json,',
        "  { content_type: :json }",
    )
    assert places(text, "s.rb") == {(2, "missing-field"), (7, "bad-value")}


def test_typhoeus_request_object_sends_a_held_body_whole() -> None:
    text = source(
        "body = {",
        '  talking_photo_url: "https://x/a.png"',
        "}",
        f'req = Typhoeus::Request.new("{TALK}", method: :post, body: JSON.generate(body))',
        "req.run",
    )
    assert places(text, "s.rb") == {(1, "missing-field")}


def test_a_stream_contexts_content_held_in_a_name_is_its_body() -> None:
    text = source(
        "<?php",
        "$payload = json_encode([",
        "    'talking_photo_url' => 'https://x/a.png',",
        "]);",
        "$ctx = stream_context_create(['http' => ['method' => 'POST', 'content' => $payload]]);",
        f"file_get_contents('{TALK}', false, $ctx);",
    )
    assert places(text, "s.php") == {(2, "missing-field")}


def test_every_key_of_a_query_argument_is_read() -> None:
    php = source(
        "<?php",
        f"$j = file_get_contents('{STATUS}?' . http_build_query(['video_model_id' => 1, 'page' => 2]));",
        f"$r = Http::get('{STATUS}', ['video_model_id' => 1, 'vid' => 2]);",
    )
    assert places(php, "s.php") == {(2, "unknown-field"), (3, "unknown-field")}
    ruby = source(
        'conn = Faraday.new(url: "https://openapi.akool.com")',
        'conn.get("/api/open/v3/content/video/infobymodelid", { video_model_id: 1, vid: 2 })',
        'conn.get("/api/open/v3/content/video/infobymodelid", video_model_id: 1, vid: 2, headers: { a: 1 })',
    )
    assert places(ruby, "s.rb") == {(2, "unknown-field"), (3, "unknown-field")}


def test_a_query_encoded_into_the_url_by_ruby_and_elixir() -> None:
    ruby = source(f'Net::HTTP.get(URI("{STATUS}?" + URI.encode_www_form(id: ARGV[0])))')
    assert places(ruby, "s.rb") == {(1, "misnamed-field")}
    elixir = source(f'Finch.build(:get, "{STATUS}?" <> URI.encode_query(%{{id: id}}), [])')
    assert places(elixir, "s.exs") == {(1, "misnamed-field")}


def test_httpx_json_parse_code_is_the_envelopes() -> None:
    text = source(
        'require "httpx"',
        f'response = HTTPX.get("{STATUS}", params: {{ video_model_id: ARGV[0] }})',
        "data = response.json",
        'puts data["data"]["video"]',
        'if data["code"] == 200',
        '  puts "ok"',
        "end",
    )
    assert places(text, "s.rb") == {(5, "status-value")}


# -- Rails' custom configuration as a base (break21r rails-config-x-base-not-joined) ----------------


def test_rails_config_x_setting_is_the_base_its_reads_give(tmp_path: Path) -> None:
    client = source(
        "module Akool",
        "  class Client",
        "    def initialize(base_url: Rails.configuration.x.akool.base_url)",
        "      @conn = Faraday.new(url: base_url)",
        "    end",
        "    def video(id)",
        '      @conn.get("content/video/infobymodelid", { video_id: id }).body["data"]',
        "    end",
        "  end",
        "end",
    )
    application = source(
        "module Studio",
        "  class Application < Rails::Application",
        f'    config.x.akool.base_url = ENV.fetch("AKOOL_BASE_URL", "{BASE}")',
        "  end",
        "end",
    )
    files = {"config/application.rb": application, "app/services/akool/client.rb": client}
    assert folder_places(tmp_path, files) == {("app/services/akool/client.rb", 7, "misnamed-field")}
    other = {"config/application.rb": application.replace("base_url", "other_url")}
    assert folder_places(tmp_path / "o", {**files, **other}) == set()


# -- a held body that is more than its literal is not judged whole ------------------------------------


def test_a_php_body_added_to_or_merged_is_not_judged_whole() -> None:
    text = source(
        "<?php",
        "$body2 = ['talking_photo_url' => $photo];",
        "$body2 += ['audio_url' => $audio];",
        f"$ch2 = curl_init('{TALK}');",
        "curl_setopt($ch2, CURLOPT_POSTFIELDS, json_encode($body2));",
        "$body3 = ['talking_photo_url' => $photo] + $defaults;",
        f"$ch3 = curl_init('{TALK}');",
        "curl_setopt($ch3, CURLOPT_POSTFIELDS, json_encode($body3));",
    )
    assert places(text, "s.php") == set()


def test_a_ruby_literal_merged_with_defaults_is_not_judged_whole() -> None:
    text = source(
        "payload = {",
        '  talking_photo_url: "https://x/a.png"',
        "}.merge(DEFAULTS)",
        f'HTTParty.post("{TALK}", body: payload.to_json)',
    )
    assert places(text, "s.rb") == set()


# -- a PHP constructor's literal default base; Ruby's postfix unless on the envelope code ------------


def test_a_php_typed_parameters_default_base_is_the_clients() -> None:
    text = source(
        "<?php",
        "use GuzzleHttp\\Client;",
        "final class Akool {",
        "    private Client $http;",
        f"    public function __construct(string $key, string $base = '{BASE}/') {{",
        "        $this->http = new Client(['base_uri' => $base, 'headers' => ['x-api-key' => $key]]);",
        "    }",
        "    public function retired() {",
        "        $this->http->post('content/video/createbytalkingphoto2', ['json' => []]);",
        "    }",
        "}",
    )
    assert places(text, "s.php") == {(9, "unknown-endpoint")}


def test_ruby_raise_unless_code_equals_a_number_takes_it_for_success() -> None:
    lines = (
        f'res = Faraday.get("{STATUS}", {{ video_model_id: id }})',
        "body = JSON.parse(res.body, symbolize_names: true)",
        "puts body[:data][:video]",
        "raise body[:msg] unless body[:code] == CODE_N",
    )
    assert places(source(*lines).replace("CODE_N", "0"), "s.rb") == {(4, "status-value")}
    assert places(source(*lines).replace("CODE_N", "1000"), "s.rb") == set()
    done = source(*lines[:3], 'puts "ok" unless body[:code] == 0')
    assert places(done, "s.rb") == set()


def test_elixir_response_body_taken_apart_by_keys_is_read() -> None:
    text = source(
        "defmodule A do",
        "  def status(id) do",
        f'    %{{body: %{{"code" => code, "data" => data}}}} = Req.get!("{STATUS}", params: [videoModelId: id])',
        '    if code == 1000, do: data["video_status_text"], else: nil',
        "  end",
        "end",
    )
    found = {(f.line, f.column, f.rule) for f in audit_text(text, "a.ex")}
    assert {(line, rule) for line, _, rule in found} == {(3, "misnamed-field"), (4, "answer-field")}
    assert (4, 32, "answer-field") in found  # (mapped back to the file's own column)


def test_a_pipe_into_a_powershell_cmdlet_merges_nothing_into_the_literal() -> None:
    """(recall31n reads `$body = @{ ... } | ConvertTo-Json` as a held body: the pipe sends the
    hashtable as it is, so it stays judged whole after the merge; Python's `| D` merges.)"""
    from akool_cli.audit import fields

    assert fields.MERGED_AFTER.match("} | ConvertTo-Json", 1) is None
    assert fields.MERGED_AFTER.match("}|ConvertTo-Json -Depth 5", 1) is None
    assert fields.MERGED_AFTER.match("} | DEFAULTS", 1) is not None
    python = source(
        "import requests",
        'body = {"talking_photo_url": "https://x/a.png"} | DEFAULTS',
        f'requests.post("{TALK}", json=body)',
    )
    assert places(python, "s.py") == set()
