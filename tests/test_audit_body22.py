"""Issue 22, body22: request bodies and fields in typed languages (Go, Kotlin, Java, C#), query
parameters set by a request builder, CLI option defaults sent as fields, twins of documented
fields, and what the audit's messages and header warnings say."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


def seen(findings: list[Finding]) -> list[tuple[int, str, str, str]]:
    """(line, rule, found, documented) of the findings that are not info."""
    return sorted((f.line, f.rule, f.found, f.documented) for f in findings if f.severity != "info")


def rules_of(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.rule, f.found) for f in findings if f.severity != "info"}


# -- final read: an object wrapping the answer, read as `sw.d` and `sw["d"]` on one line --------------

WRAPPED = """async function post(url, body) {
  const r = await fetch(url, { method: "POST", headers: { "x-api-key": KEY }, body: JSON.stringify(body) });
  const d = await r.json();
  return { status: r.status, d };
}

async function main() {
  const sw = await post("V3/faceswap/highquality/specifyimage", { sourceImage: [], targetImage: [], face_enhance: 0, modifyImage: "u" });
  console.log(sw.d.code, sw["d"].message);
}
""".replace("V3", V3)


def test_a_wrapped_answer_read_under_keys_of_two_lengths_on_one_line_is_judged_at_each() -> None:
    got = rules_of(audit_text(WRAPPED, "sw.js"))
    assert ("answer-field", "message") in got


# -- break21d #5: a block given to the call sets the query (Ktor's parameter(), Faraday's params) ----

KTOR = """import io.ktor.client.HttpClient
import io.ktor.client.request.*

class Poll(private val http: HttpClient, private val key: String) {
    private val base = "V3"

    suspend fun poll(id: String): String =
        http.get("$base/content/video/infobymodelid") {
            header("x-api-key", key)
            parameter("%s", id)
        }.body()
}
"""
FARADAY = """require "faraday"
conn = Faraday.new(url: "https://openapi.akool.com")
res = conn.get("/api/open/v3/content/video/infobymodelid") do |req|
  req.headers["x-api-key"] = ENV["AKOOL_KEY"]
  req.params["%s"] = id
end
"""


@pytest.mark.parametrize(
    ("name", "shape"), [("Poll.kt", KTOR.replace("V3", V3)), ("f.rb", FARADAY)]
)
def test_a_query_parameter_set_in_the_call_s_block_is_sent(name: str, shape: str) -> None:
    assert seen(audit_text(shape % "video_model_id", name)) == []
    wrong = rules_of(audit_text(shape % "videoModelId", name))
    assert wrong == {("misnamed-field", "videoModelId")}


def test_a_block_given_to_the_call_may_add_to_the_query() -> None:
    text = KTOR.replace(
        '            parameter("%s", id)\n', "            url { encodedParameters.appendAll(p) }\n"
    )
    assert seen(audit_text(text.replace("V3", V3), "Poll.kt")) == []
