"""The line of terms under a page's slide box: each term opens its definition in place."""

import pytest

from core.teacher import glossary
from core.texts import t
from core.texts.families import key
from tests.app.conftest import open_page


@pytest.mark.parametrize("lang, other", [("fr", "en"), ("en", "fr")])
def test_a_term_opens_its_definition_and_its_word_in_the_other_language(lang, other):
    at = open_page("softmax", lang)
    assert not at.exception, at.exception
    terms = glossary.terms_for("softmax")
    assert terms
    definition = t(key("glossary_def_", "cross_entropy"), lang)

    def shown(at) -> str:
        return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)

    assert definition not in shown(at)  # written when opened, not at every run of the page
    at.session_state["glossary_softmax_cross_entropy"] = True
    at.run()
    assert not at.exception, at.exception
    assert definition in shown(at)
    assert t(key("glossary_term_", "cross_entropy"), other) in shown(at)
    for term in terms:  # the other terms stay closed
        if term != "cross_entropy":
            assert t(key("glossary_def_", term), lang) not in shown(at)
