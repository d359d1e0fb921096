"""Session 31, prec31c: a path sent through a class, an instance or a client whose own base is
another vendor's host (a HeyGen subclass beside the AKOOL one, Go's `&Client{Base: ...}`, a
second Guzzle client, a Laravel macro) is not an AKOOL call; the AKOOL one's calls still are."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open/v3"
OTHER = "https://api.heygen.com"


def reported(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


PY_SUBCLASSES = f'''import requests


class Client:
    base_url = ""

    def _get(self, path, **params):
        return requests.get(self.base_url + path, params=params).json()


class Akool(Client):
    base_url = "{B}"

    def credit(self):
        return self._get("/faceswap/quota/infoo")["data"]["credit"]


class HeyGen(Client):
    base_url = "{OTHER}"

    def status(self, vid):
        return self._get("/v1/video_status.get", video_id=vid)["data"]["status"]
'''

TS_FIELDS = f"""abstract class Client {{
  protected base = "";
  constructor(protected key: string) {{}}
  protected async get(path: string) {{
    const r = await fetch(this.base + path, {{ headers: {{ "x-api-key": this.key }} }});
    return r.json();
  }}
}}
export class Akool extends Client {{
  protected base = "{B}";
  credit() {{ return this.get("/faceswap/quota/infoo"); }}
}}
export class HeyGen extends Client {{
  protected base = "{OTHER}";
  status(id: string) {{ return this.get(`/v1/video_status.get?video_id=${{id}}`); }}
}}
"""

RB_CONSTANTS = f"""class Client
  BASE_URL = ""
  def get(path)
    HTTParty.get(self.class::BASE_URL + path, headers: headers)
  end
end
class Akool < Client
  BASE_URL = "{B}"
  def credit = get("/faceswap/quota/infoo")
end
class HeyGen < Client
  BASE_URL = "{OTHER}"
  def status(id) = get("/v1/video_status.get?video_id=#{{id}}")
end
"""

PHP_PROPERTIES = f"""<?php
abstract class Client {{
    protected string $baseUrl = '';
    protected function get(string $path): array {{
        return json_decode(file_get_contents($this->baseUrl . $path), true);
    }}
}}
class Akool extends Client {{
    protected string $baseUrl = '{B}';
    public function credit() {{ return $this->get('/faceswap/quota/infoo'); }}
}}
class HeyGen extends Client {{
    protected string $baseUrl = '{OTHER}';
    public function status($id) {{ return $this->get('/v1/video_status.get?video_id=' . $id); }}
}}
"""

GO_INSTANCES = f"""package main

import "net/http"

type Client struct {{
	Base string
}}

func (c *Client) Get(path string) (*http.Response, error) {{
	return http.Get(c.Base + path)
}}

func main() {{
	akool := &Client{{Base: "{B}"}}
	heygen := &Client{{Base: "{OTHER}"}}
	akool.Get("/faceswap/quota/infoo")
	heygen.Get("/v1/video_status.get?video_id=x")
}}
"""

PHP_GUZZLE = f"""<?php
$akool = new \\GuzzleHttp\\Client(['base_uri' => '{B}/']);
$heygen = new \\GuzzleHttp\\Client(['base_uri' => '{OTHER}/']);
echo $akool->get('faceswap/quota/infoo')->getBody();
echo $heygen->get('v1/video_status.get', ['query' => ['video_id' => 'x']])->getBody();
"""

PHP_MACROS = f"""<?php
use Illuminate\\Support\\Facades\\Http;
Http::macro('akool', fn () => Http::baseUrl('{B}')->withHeaders(['x-api-key' => 'k']));
Http::macro('heygen', fn () => Http::baseUrl('{OTHER}')->withHeaders(['X-Api-Key' => 'h']));
$credit = Http::akool()->get('/faceswap/quota/infoo')->json('data.credit');
$status = Http::heygen()->get('/v1/video_status.get', ['video_id' => 'x'])->json('data.status');
"""


@pytest.mark.parametrize(
    ("text", "name", "akool_judged"),
    [
        (PY_SUBCLASSES, "providers.py", True),
        (TS_FIELDS, "providers.ts", True),
        (RB_CONSTANTS, "providers.rb", True),
        (PHP_PROPERTIES, "Providers.php", True),
        (GO_INSTANCES, "providers.go", True),
        (PHP_GUZZLE, "two.php", True),
        # (a Laravel macro's own AKOOL call is not read yet: only the other vendor's is tested)
        (PHP_MACROS, "laravel.php", False),
    ],
)
def test_a_path_sent_through_another_vendors_base_is_no_akool_call(
    text: str, name: str, akool_judged: bool
) -> None:
    found = reported(text, name)
    # the other vendor's path is not judged; the AKOOL one's wrong path still is
    assert not [f for f in found if "video_status" in f.message], found
    expected = ["unknown-endpoint"] if akool_judged else []
    assert [f.rule for f in found if "infoo" in f.message] == expected, found


def test_a_class_whose_base_is_akool_beside_another_url_is_still_judged() -> None:
    text = f'''import requests


class Akool:
    base_url = "{B}"
    docs = "https://docs.example.org"

    def credit(self):
        return requests.get(self.base_url + "/faceswap/quota/infoo").json()
'''
    assert [f.rule for f in reported(text, "a.py")] == ["unknown-endpoint"]


TWO_CLASSES_PY = f'''import requests


class AkoolAPI:
    def __init__(self, key, base_url="{B}"):
        self.base_url = base_url

    def _get(self, path):
        return requests.get(self.base_url + path).json()

    def credit(self):
        return self._get("/faceswap/quota/infoo")["data"]["credit"]


class ElevenLabsAPI:
    """The other vendor's API, its own base."""

    def __init__(self, key, base_url="https://api.elevenlabs.io/v1", timeout=30):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout
        self.headers = {{"xi-api-key": key}}

    def _get(self, path):
        url = self.base_url + path
        return requests.get(url, headers=self.headers, timeout=self.timeout).json()

    def voices(self):
        return [v["voice_id"] for v in self._get("/voices")["voices"]]
'''

TWO_CLASSES_KT = f"""class AkoolApi(private val key: String, private val base: String = "{B}") {{
    private fun get(path: String) = java.net.URL(base + path).readText()
    fun credit() = get("/faceswap/quota/infoo")
}}

class ElevenApi(private val key: String, private val base: String = "https://api.elevenlabs.io/v1") {{
    private fun get(path: String) = java.net.URL(base + path).readText()
    fun voices() = get("/voices")
}}
"""

TWO_CLASSES_RB = f"""class AkoolApi
  def initialize(key, base_url: "{B}")
    @base_url = base_url
  end
  def get(path) = HTTParty.get(@base_url + path)
  def credit = get("/faceswap/quota/infoo")
end
class ElevenApi
  def initialize(key, base_url: "https://api.elevenlabs.io/v1", timeout: 30)
    @base_url, @timeout = base_url, timeout
    @headers = {{ "xi-api-key" => key }}
  end

  def get(path) = HTTParty.get(@base_url + path, headers: @headers, timeout: @timeout)

  def voices = get("/voices")["voices"].map {{ |v| v["voice_id"] }}
end
"""


@pytest.mark.parametrize(
    ("text", "name"),
    [(TWO_CLASSES_PY, "two.py"), (TWO_CLASSES_KT, "Two.kt"), (TWO_CLASSES_RB, "two.rb")],
)
def test_a_second_client_class_with_another_default_base_is_no_akool_call(
    text: str, name: str
) -> None:
    found = reported(text, name)
    assert not [f for f in found if "/voices" in f.message], found
    assert [f.rule for f in found if "infoo" in f.message] == ["unknown-endpoint"], found


def test_a_helper_every_versioned_class_defines_joins_its_own_class_version() -> None:
    text = f'''import requests


class V3:
    def __init__(self, key, base_url="{B}"):
        self.base_url, self.h = base_url, {{"x-api-key": key}}

    def _get(self, path, **p):
        return requests.get(self.base_url + path, params=p, headers=self.h).json()

    def credit(self):
        return self._get("/faceswap/quota/info")["data"]["credit"]


class V4:
    def __init__(self, key, base_url="https://openapi.akool.com/api/open/v4"):
        self.base_url, self.h = base_url, {{"x-api-key": key}}

    def _get(self, path, **p):
        return requests.get(self.base_url + path, params=p, headers=self.h).json()

    def sessions(self):
        return self._get("/liveAvatar/session/list", page=1, size=20)["data"]

    def voices(self):
        return self._get("/voice/list", type=2)["data"]
'''
    assert reported(text, "akool_v3_v4.py") == []


def test_a_module_helper_called_in_a_class_with_another_version_keeps_its_own_base() -> None:
    text = """import requests

V3 = "https://openapi.akool.com/api/open/v3"


def get(path, key):
    return requests.get(V3 + path, headers={"x-api-key": key}).json()


class Live:
    def __init__(self, key, base_url="https://openapi.akool.com/api/open/v4"):
        self.key, self.base_url = key, base_url

    def credit(self):
        return get("/faceswap/quota/info", self.key)["data"]["credit"]
"""
    assert reported(text, "live.py") == []
