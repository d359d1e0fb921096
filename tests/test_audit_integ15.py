"""Merge guards of session fifteen: a per-line word prefilter must hold a word of every form its
pattern can match (perf26b's prefilters met recall26b's new forms only at the merge)."""

from __future__ import annotations

from akool_cli.audit import sites


def test_every_url_builder_form_holds_one_of_the_builder_words() -> None:
    """sites._joins tries BUILDER_HINT only on a line holding one of BUILDER_WORDS: a form added to
    the pattern without its word is never tried (Swift's `.appending(path:)` was lost so)."""
    forms = sites.BUILDER_HINT.pattern.split("|")
    assert len(forms) >= 7
    lost = [form for form in forms if not any(w in form for w in sites.BUILDER_WORDS)]
    assert lost == []
