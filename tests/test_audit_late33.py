"""Issue 21, the final merge's blind test: a code default that a config file overrides (Spring's
`${key:default}` with application.yml setting the key, a pydantic BaseSettings field the
environment or `.env` sets) is no certain base; and an axios call's own `baseURL` wins over the
instance's."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

SPRING = """import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.client.RestTemplate;

public class Tts {
    @Value("${akool.base-url:https://openapi.akool.com}")
    private String base;
    private final RestTemplate rest = new RestTemplate();

    public Map<?, ?> speak(String t, String v) {
        return rest.postForObject(base + "PATH", Map.of("input_text", t, "voice_id", v), Map.class);
    }
}
"""


def _rules(folder: Path) -> list[tuple[str, int, str]]:
    return [(Path(f.file).name, f.line, f.rule) for f in audit([folder]).findings]


def test_a_spring_default_overridden_by_application_yml_is_judged_with_the_files_value(
    tmp_path: Path,
) -> None:
    java = tmp_path / "src/main/java/Tts.java"
    java.parent.mkdir(parents=True)
    java.write_text(SPRING.replace("PATH", "/audio/create"))
    yml = tmp_path / "src/main/resources/application.yml"
    yml.parent.mkdir(parents=True)
    yml.write_text("akool:\n  base-url: https://openapi.akool.com/api/open/v3\n")
    assert _rules(tmp_path) == []
    java.write_text(SPRING.replace("PATH", "/audio/createx"))  # still judged, with v3
    assert [r for _, _, r in _rules(tmp_path)] == ["unknown-endpoint"]


def test_a_pydantic_settings_default_is_not_a_certain_base(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("AKOOL_BASE=https://openapi.akool.com/api/open/v3\n")
    (tmp_path / "settings.py").write_text(
        "from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n"
        '    akool_base: str = "https://openapi.akool.com"\n\n\nsettings = Settings()\n'
    )
    app = tmp_path / "app.py"
    call = (
        'requests.post(settings.akool_base + "PATH", json={"input_text": "hi", "voice_id": "v"})\n'
    )
    app.write_text(
        "import requests\nfrom settings import settings\n\n" + call.replace("PATH", "/audio/create")
    )
    assert _rules(tmp_path) == []
    app.write_text(
        "import requests\nfrom settings import settings\n\n"
        + call.replace("PATH", "/audio/createx")
    )
    assert [r for _, _, r in _rules(tmp_path)] == ["unknown-endpoint"]


AXIOS = """const axios = require("axios");
const akool = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
const V4 = { baseURL: "https://openapi.akool.com/api/open/v4" };

exports.tts = (t, v) => akool.post("/voice/TTS", { input_text: t, voice_id: v }, { baseURL: "https://openapi.akool.com/api/open/v4" });
exports.voices = () => akool.get("/voice/LIST", { ...V4, params: { type: "2" } });
exports.req = (t, v) => akool.request({ method: "POST", url: "/voice/TTS", baseURL: "https://openapi.akool.com/api/open/v4", data: { input_text: t, voice_id: v } });
exports.image = (prompt) => akool.post("/content/image/createbyprompt", { prompt, scale: "1:1" });
"""


def test_an_axios_calls_own_base_url_wins_over_its_instances(tmp_path: Path) -> None:
    js = tmp_path / "ov.js"
    js.write_text(AXIOS.replace("TTS", "tts").replace("LIST", "list"))
    assert _rules(tmp_path) == []
    js.write_text(AXIOS.replace("TTS", "ttsx").replace("LIST", "listx"))  # still judged, as v4
    assert [(line, rule) for _, line, rule in _rules(tmp_path)] == [
        (5, "unknown-endpoint"),
        (6, "unknown-endpoint"),
        (7, "unknown-endpoint"),
    ]


ENV_OWN = """import axios from "axios";
const akool = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
export const tts = (t: string, v: string) =>
  akool.post("/voice/TTS", { input_text: t, voice_id: v }, {
    headers: { "x-api-key": "k" },
    baseURL: process.env.AKOOL_V4,
  });
"""


def test_an_axios_calls_own_base_url_not_in_view_is_not_the_instances(tmp_path: Path) -> None:
    ts = tmp_path / "a.ts"
    ts.write_text(ENV_OWN.replace("TTS", "tts"))
    assert _rules(tmp_path) == []
    ts.write_text(ENV_OWN.replace("TTS", "ttsx"))  # a path under no version is still reported
    assert [(line, rule) for _, line, rule in _rules(tmp_path)] == [(4, "unknown-endpoint")]
