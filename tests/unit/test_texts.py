import string

import pytest

from core import texts


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(texts.TEXTS))
def test_every_text_exists_in_both_languages_with_the_same_placeholders(key):
    entry = texts.TEXTS[key]
    assert set(entry) == set(texts.LANGUAGES)
    assert all(entry[lang].strip() for lang in texts.LANGUAGES)
    assert placeholders(entry["fr"]) == placeholders(entry["en"])


def test_t_formats_and_falls_back_to_french():
    assert texts.t("vector_too_long", "en", max=50) == "Too many values: 50 at most."
    assert texts.t("page_home", "de") == "Accueil"
    with pytest.raises(KeyError):
        texts.t("no_such_text", "fr")


@pytest.mark.parametrize("value, expected", [
    ("en", "en"), ("EN", "en"), ("fr", "fr"), (None, "fr"), ("", "fr"), ("xx", "fr"),
    (["fr", "en"], "en"), ("english", "en"), ("<script>", "fr"),
])
def test_parse_language(value, expected):
    assert texts.parse_language(value) == expected


def test_every_text_used_in_the_code_exists():
    """Keys passed literally to tr()/t() in the pages and the app are all defined."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = [root / "lesson.py", *sorted((root / "lesson_pages").glob("*.py")), *sorted((root / "ui").glob("*.py"))]
    used = set()
    for source in sources:
        used |= set(re.findall(r"""\btr\(\s*["']([a-z0-9_]+)["']""", source.read_text()))
    assert used, "no literal keys found: the pattern is wrong"
    assert used - set(texts.TEXTS) == set()
