"""Session 31, recall31g: the library matrix of Go, Rust, Swift, Dart, Python's and Node's less
common clients and shell (/work/notes/matrix19/recall31g): each shape the audit missed, with a
correct twin that stays silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open/v3"
INFO = f"{B}/content/video/infobymodelid"


def rules_at(text: str, name: str, rule: str) -> list[int]:
    return sorted(f.line for f in audit_text(text, name) if f.rule == rule)


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


# -- the envelope's code compared on an answer parsed the other languages' own ways ---------------

CODE_READS = {
    "urllib.py": (
        "import json\nimport urllib.request\n\n"
        f'req = urllib.request.Request("{INFO}?video_model_id=1")\n'
        "with urllib.request.urlopen(req) as resp:\n"
        "    out = json.load(resp)\n"
        'if out["code"] != {code}:\n'
        '    print("failed")\n'
    ),
    "main.dart": (
        "import 'dart:convert';\nimport 'package:http/http.dart' as http;\n\n"
        "Future<void> main() async {\n"
        f"  final r = await http.get(Uri.parse('{INFO}?video_model_id=1'));\n"
        "  final j = jsonDecode(r.body) as Map<String, dynamic>;\n"
        "  if (j['code'] != {code}) {\n"
        "    print('failed');\n  }\n}\n"
    ),
    "dio.dart": (
        "import 'package:dio/dio.dart';\n\nfinal dio = Dio();\n\n"
        "Future<void> main() async {\n"
        f"  final r = await dio.get('{INFO}', queryParameters: {{'video_model_id': 'a'}});\n"
        "  if (r.data['code'] != {code}) {\n"
        "    print('failed');\n  }\n}\n"
    ),
    "got.mjs": (
        'import got from "got";\n\n'
        'const api = got.extend({ prefixUrl: "' + B + '" });\n'
        'const out = await api.get("content/video/infobymodelid", '
        '{ searchParams: { video_model_id: "a" } }).json();\n'
        'if (out.code !== {code}) console.log("failed");\n'
    ),
}


@pytest.mark.parametrize("name", sorted(CODE_READS))
def test_envelope_code_on_parsed_answers_is_judged(name: str) -> None:
    shape = CODE_READS[name]
    assert rules_at(shape.replace("{code}", "200"), name, "status-value") == [
        shape.splitlines().index(next(x for x in shape.splitlines() if "{code}" in x)) + 1
    ]
    assert errors(shape.replace("{code}", "1000"), name) == []
