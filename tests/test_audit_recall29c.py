"""`akool audit` on session seventeen's recall29c shapes (repro21k, repro21j): answer reads chained
on a PHP response, shell status tests of a generic `data.status`, ISO 639-1 language codes, and
columns of a file that opens with a byte-order mark."""

from __future__ import annotations

from akool_cli.audit.scan import audit_text

QUOTA = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"


def places(text: str, name: str) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in audit_text(text, name)}


# -- php-toarray-chained-answer-read-missed -----------------------------------------------------


def test_php_reads_chained_on_the_response_are_judged() -> None:
    text = "\n".join(
        (
            "<?php",
            f"$r = $http->request('GET', '{QUOTA}');",
            "$a = $r->toArray()['data']['credits'];",  # Symfony HttpClient
            "$b = $r->json()['data']['credits'];",  # Laravel
            "$c = $r->object()->data->credits;",
            "$d = $r->toArray()['data']['credit'];",  # documented: silent
        )
    )
    assert places(text, "quota.php") == {
        (3, "response-field"),
        (4, "response-field"),
        (5, "response-field"),
    }


def test_php_data_held_from_a_chained_parse_is_the_answers_data() -> None:
    text = "\n".join(
        (
            "<?php",
            f"$r = Http::get('{QUOTA}');",
            "$data = $r->toArray()['data'];",
            "echo $data['credits'];",
            "$more = $r->json()['data'];",
            "echo $more['credits'], $more['credit'];",
        )
    )
    assert places(text, "quota.php") == {(4, "response-field"), (6, "response-field")}


# -- shell-jq-generic-data-status-not-judged --------------------------------------------------------


def test_shell_tests_of_a_generic_data_status_are_judged_by_their_call() -> None:
    api = "https://openapi.akool.com/api/open"
    text = "\n".join(
        (
            "#!/usr/bin/env bash",
            f's=$(curl -fsS "{api}/v4/liveAvatar/session/detail?id=$1" | jq -r .data.status)',
            'if [ "$s" = "completed" ]; then echo ended; fi',  # a number 1-4: no word
            'if [ "$s" -eq 5 ]; then echo x; fi',  # 5 is no state
            'if [ "$s" -eq 3 ]; then echo done; fi',  # 3 completed: silent
            f"w=$(curl -fsS -X POST {api}/v3/content/analysis/sentiment -d '{{}}' | jq -r '.data.status')",
            'case "$w" in',
            '  2) echo "done" ;;',  # 2 is processing
            '  4) echo "failed" ;;',  # 4 failed: silent
            "esac",
        )
    )
    got = {(line, rule) for line, rule in places(text, "live.sh") if rule == "status-value"}
    assert got == {(3, "status-value"), (4, "status-value"), (8, "status-value")}
