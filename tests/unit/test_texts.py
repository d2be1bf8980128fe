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


# ------------------------------------------------------------------ keys built at run time, and unused ones
import ast  # noqa: E402
from pathlib import Path  # noqa: E402

from core.texts import families  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
APP_SOURCES = [ROOT / "app.py", ROOT / "lesson.py", *sorted((ROOT / "lesson_pages").glob("*.py")),
               *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "core").rglob("*.py"))]
TEXT_CALLS = {"tr", "t"}                 # tr(key, ...), texts.t(key, ...), t(key, ...)
FAMILY_CALLS = {"tr_choice", "option_labels", "key"}  # a declared prefix, then a value


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            function = node.func
            name = function.id if isinstance(function, ast.Name) else \
                function.attr if isinstance(function, ast.Attribute) else None
            yield name, node


@pytest.mark.parametrize("prefix", sorted(families.FAMILIES))
def test_every_key_of_a_family_exists(prefix):
    values = families.FAMILIES[prefix]
    assert values, prefix
    for value in values:
        assert families.key(prefix, value) in texts.TEXTS, (prefix, value)
    with pytest.raises(KeyError):
        families.key(prefix, "no-such-value")


def test_no_key_is_built_at_run_time_outside_a_declared_family():
    """A key written as an f-string or a sum is only found when that option is shown: use tr_choice."""
    built = []
    for source in APP_SOURCES:
        tree = ast.parse(source.read_text())
        for name, call in _calls(tree):
            first = call.args[0]
            if name in TEXT_CALLS and isinstance(first, (ast.JoinedStr, ast.BinOp)):
                built.append(f"{source.relative_to(ROOT)}:{call.lineno}")
            if name in ("tr_choice", "option_labels") and not (
                    isinstance(first, ast.Constant) and first.value in families.FAMILIES):
                if not (source.name == "settings.py" and source.parent.name == "ui"):  # a declared prefix
                    built.append(f"{source.relative_to(ROOT)}:{call.lineno} ({ast.unparse(first)})")
    assert built == []


def test_every_text_is_used():
    """A key no code names (as a string, or through a family) is dead: it goes."""
    named = set()
    for source in APP_SOURCES:
        if source.parent.name == "texts":
            continue  # the texts themselves
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.add(node.value)
    from_families = {families.key(prefix, value) for prefix, values in families.FAMILIES.items() for value in values}
    unused = sorted(set(texts.TEXTS) - named - from_families)
    assert unused == []


@pytest.mark.parametrize("lang", texts.LANGUAGES)
def test_the_run_tables_columns_have_distinct_names(lang):
    """A student's runs of every model in one table: two columns named alike make pandas return a table
    for a column (the convolutional network's optimiser once met the 5-layer network's solver)."""
    from core.figures.dashboard import RUN_COLUMNS
    labels = [texts.t(families.key("col_", column), lang) for column in RUN_COLUMNS]
    assert len(set(labels)) == len(labels), labels
