"""`akool audit` on fixP28's precision items: AKOOL URLs that are only data (migrations of saved
URLs off the retired host, CI guards that the old host is gone), the app's own records and routes,
and where a typed request's finding lands. Each folder of tests/audit_corpus/fixP28/ holds correct
files (no finding) beside near-twins that are wrong and must still be found."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit

CORPUS = Path(__file__).parent / "audit_corpus" / "fixP28"


def found(folder: str) -> set[tuple[str, int, str]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line, f.rule) for f in result.findings if f.severity != "info"}


def patched(folder: str) -> set[tuple[str, int]]:
    result = audit([CORPUS / folder], exclude=["expected.json"])
    return {(Path(f.file).name, f.line) for f in result.findings if f.fix is not None}


# -- host-migration-variants-2: the old host only as data ----------------------------------------


def test_migrations_and_guards_of_the_old_host_are_no_calls() -> None:
    # rule tables ({from, to} in TS and YAML), Set origin checks, git grep/rg/grep guards in shell
    # and Makefiles, sed/perl substitutions and PowerShell's -replace: none is a call.
    assert found("hosts") == {
        ("wrong_host.ts", 3, "wrong-host"),
        ("wrong_host.sh", 2, "wrong-host"),
        ("rollback.sh", 2, "wrong-host"),  # (a migration onto the retired host)
        ("rollback.ps1", 1, "wrong-host"),
        ("wrong_seed.sql", 1, "wrong-host"),  # (a base stored as a setting: it is called)
        ("wrong_seed.sql", 2, "wrong-host"),
        ("wrong_host.rb", 2, "wrong-host"),  # (a frozen constant joined to a path and requested)
        ("README_old.md", 6, "wrong-host"),  # (a Python block's base: CHANGELOG's diff is not)
        ("endpoints_table.py", 5, "wrong-host"),  # (a table of URLs requested in a loop)
        ("test_uses_old.py", 8, "wrong-host"),  # (a test that calls it; not one expecting a raise)
        ("test_uses_old.py", 14, "wrong-host"),
    }


def test_sql_go_ruby_migrations_are_data() -> None:
    # SQL's REPLACE(url, OLD, NEW) and `LIKE 'OLD%'`, Go's strings.NewReplacer and a struct table of
    # {From, To}, Ruby's frozen OLD_HOST only given to `sub`, TOML/JSON rewrite records.
    hosts = {name for name, _, _ in found("hosts")}
    assert not hosts & {"migrate.sql", "migrate.go", "legacy.rb", "rewrite.toml", "rewrite.json"}


def test_a_changelogs_removed_lines_and_notes_about_the_old_host_are_no_calls() -> None:
    # a ```diff block's `-` lines in Markdown (the code a change took out), a table from the old
    # host to a note that it is retired, argparse texts
    hosts = {name for name, _, _ in found("hosts")}
    assert not hosts & {"CHANGELOG.md", "cli_notes.py"}


def test_a_test_that_the_old_host_is_refused_is_no_call() -> None:
    # `with pytest.raises(...):` over the call, `expect(() => make(OLD)).toThrow()`, it.each lists
    hosts = {name for name, _, _ in found("hosts")}
    assert not hosts & {"test_refuses_old.py", "refuses.test.ts"}


def test_only_real_calls_to_the_old_host_are_patched() -> None:
    assert patched("hosts") <= {
        ("wrong_host.ts", 3),
        ("wrong_host.sh", 2),
        ("rollback.sh", 2),
        ("rollback.ps1", 1),
        ("wrong_seed.sql", 1),
        ("wrong_seed.sql", 2),
        ("wrong_host.rb", 2),
        ("README_old.md", 6),
        ("endpoints_table.py", 5),
        ("test_uses_old.py", 8),
        ("test_uses_old.py", 14),
    }
    assert {("wrong_host.ts", 3), ("wrong_host.sh", 2)} <= patched("hosts")


# -- own-record-variants: the app's own database records -----------------------------------------


def test_own_records_fetched_through_an_orm_are_no_answers() -> None:
    # Django's get_object_or_404, SQLAlchemy 2.0's select(Render).where(Render.video_status == 5)
    # and session.scalars, Sequelize's findOne on a model required from ./models, Rust sqlx's
    # query_as!/query_as::<_, Render>: the app's own status column, whatever its values.
    assert found("records") == {
        ("wrong_poll.rs", 35, "status-value"),
        ("wrong_status.js", 11, "status-value"),
        ("wrong_views.py", 36, "status-value"),
        ("WrongPoll.php", 13, "status-value"),  # (Eloquent's Render::findOrFail: line 7 is own)
        ("wrong_rows.py", 9, "status-value"),  # (rows of AKOOL's answer: knex/SQL rows are own)
        ("wrong_rows.py", 12, "status-value"),
        ("wrong_rows.ts", 7, "status-value"),
        ("wrong_rows.ts", 8, "status-value"),
    }


# -- own-routes-split-2: routes the app serves and mocks a test sets up --------------------------


def test_own_routes_and_msw_v1_handlers_are_no_calls() -> None:
    # ASP.NET's MapPost/MapGet over lines and [HttpPost(...)] attributes, Ktor's routing, MSW v1's
    # rest.post(url, (req, res, ctx) => ...) handlers of documented URLs (their answers are no
    # request); the real calls beside them are still judged. (A mock's undocumented path stays a
    # finding: docs/audit.md's "Mocks are not requests" - the code under test sends it.)
    assert found("routes") == {
        ("AkoolClient.cs", 11, "undocumented-path"),
        ("calls.test.js", 14, "undocumented-path"),
    }


def test_no_patch_on_a_mock_or_a_route() -> None:
    assert patched("routes") <= {("AkoolClient.cs", 11), ("calls.test.js", 14)}


# -- route-fix-client-names: a client named like a router is a client ----------------------------


def test_a_client_named_router_app_server_or_api_still_sends() -> None:
    # `const router = axios.create({ baseURL })`, `app = httpx.Client(base_url=...)`: what the name
    # was made from decides, on one line or over several; an Express router's routes stay routes.
    assert found("clients") == {
        ("api_client.ts", 9, "bad-value"),
        ("api_client.ts", 13, "bad-value"),
        ("api_client.ts", 21, "bad-value"),
        ("app_client.py", 10, "bad-value"),
        ("app_client.py", 18, "bad-value"),
        ("app_client.py", 26, "bad-value"),
        ("router_client.js", 11, "bad-value"),
        ("router_client.js", 17, "bad-value"),
        ("router_client.js", 24, "bad-value"),
    }


# -- express-route-verb-taken-as-helper-method, shell-wrapper-passthrough-method-ignored ---------


def test_a_wrappers_method_is_its_own_not_a_later_routes() -> None:
    # `async function akool(path) { const res = await fetch(AKOOL + path, ...); ... }` then the
    # app's own `app.post("/webhook", (req, res) => ...)`: the wrapper sends a GET (Express,
    # routers, Fastify, Hono, Koa); a wrapper given `method: "POST"` still sends a POST.
    # A shell wrapper forwarding "$@" / "${@:2}" to curl sends what its caller's words say.
    assert found("methods") == {
        ("control_post.mjs", 9, "wrong-method"),
        ("control_post.sh", 9, "wrong-method"),
        ("ruby_symbol_wrong.rb", 6, "wrong-method"),  # (`request(:post, ...)`: Net::HTTP::Post)
    }
    assert patched("methods") == set()
