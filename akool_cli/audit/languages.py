"""Language codes where AKOOL's docs ask for one (ISO 639-1: voiceLab tts `language_code`, voice
clone `voice_options.language`, sentiment analysis `language`): a value written as the language's
name (`"spanish"`, `"English"`) or as a regional tag (`"en-US"`), and the code meant; and where
they ask for language codes that may carry a region (video translation's `language`, a
comma-separated list such as `"es,zh-CN"`, and `source_language`; live avatar's `stt_language`):
a language's name written there (`"Spanish"`), and the codes meant."""

from __future__ import annotations

from akool_cli.audit import rx

# A code as the docs show it ("zh", "pt", "en"): two lowercase letters. Upper case ("EN") is
# left alone: a code all the same, whatever a server makes of its case.
CODE = rx.compile(r"[a-zA-Z]{2}")
# A regional tag (BCP 47 `en-US`, a locale `pt_BR`): its first part is the ISO 639-1 code.
REGIONAL = rx.compile(r"(?P<code>[a-zA-Z]{2})[-_][A-Za-z]{2,4}")

# English names of languages (lower case) and their ISO 639-1 codes; a name that stands for more
# than one code (Chinese dialects beyond Mandarin, "Norwegian") is not here: no fix is certain.
CODES: dict[str, str] = {
    "arabic": "ar",
    "bengali": "bn",
    "bulgarian": "bg",
    "chinese": "zh",
    "mandarin": "zh",
    "croatian": "hr",
    "czech": "cs",
    "danish": "da",
    "dutch": "nl",
    "english": "en",
    "filipino": "tl",
    "tagalog": "tl",
    "finnish": "fi",
    "french": "fr",
    "german": "de",
    "greek": "el",
    "hebrew": "he",
    "hindi": "hi",
    "hungarian": "hu",
    "indonesian": "id",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "malay": "ms",
    "persian": "fa",
    "polish": "pl",
    "portuguese": "pt",
    "romanian": "ro",
    "russian": "ru",
    "slovak": "sk",
    "spanish": "es",
    "swedish": "sv",
    "tamil": "ta",
    "thai": "th",
    "turkish": "tr",
    "ukrainian": "uk",
    "urdu": "ur",
    "vietnamese": "vi",
}


def iso639_1(value: str) -> tuple[bool, str | None]:
    """(whether the value is surely not an ISO 639-1 code, the code it means when certain):
    `"spanish"` -> (True, "es"), `"en-US"` -> (True, "en"), `"es"` -> (False, None); a value
    that is neither a code nor a language's name or tag (a placeholder, a template) -> (False, None)."""
    if CODE.fullmatch(value):
        return False, None
    regional = REGIONAL.fullmatch(value)
    if regional is not None:
        return True, regional.group("code").lower()
    code = CODES.get(value.lower())
    if code is not None:
        return True, code
    return False, None


def named_codes(value: str) -> tuple[bool, str | None]:
    """(whether a value of language codes names a language instead, the value with each name
    written as its code): `"Spanish"` -> (True, "es"), `"es,French"` -> (True, "es,fr"); codes,
    regional ones (`"zh-CN"`) and a word the docs give (`"DEFAULT"`) -> (False, None)."""
    items = value.split(",")
    codes = [CODES.get(item.strip().lower()) for item in items]
    if not any(codes):
        return False, None
    return True, ",".join(code or item for code, item in zip(codes, items, strict=True))
