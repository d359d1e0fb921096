"""What the audit says on shapes taken from real third-party code (issue 21, fixK21):
commented-out calls read one by one, list reads at the wrong level, near-miss answer fields,
clients held in a name `http`, and PEP 701 f-strings. The corpus scripts of these shapes are in
tests/audit_corpus/realcode21/."""

from __future__ import annotations

from akool_cli.audit.scan import Finding, audit_text


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. a commented POST's method stays with it ----------------------------------------------------

COMMENTED = """const BASE = "https://openapi.akool.com/api/open/v3";
async function run(photo, audio) {
  // const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
  //   method: "POST",
  //   headers,
  //   body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }),
  // });
  // const job = await r.json();
  // const s = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job.data._id}`, { headers });
  return null;
}
"""


def test_a_commented_call_is_read_on_its_own() -> None:
    assert places(audit_text(COMMENTED, "poll.js")) == []
    # uncommented, the block says the same
    assert places(audit_text(COMMENTED.replace("  // ", "  "), "poll.js")) == []
    # a commented call still counts: its own POST to a documented GET is a wrong method
    own = COMMENTED.replace("${job.data._id}`, { headers }", '${id}`, { method: "POST" }')
    assert places(audit_text(own, "poll.js")) == [(9, "wrong-method")]
