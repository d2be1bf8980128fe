"""The lesson's words on the pages: one line of the terms a page introduces, each opening its definition.

The terms and the page that uses each first are declared in ``core.teacher.glossary``; the
words and definitions are texts (``glossary_term_*``, ``glossary_def_*``). A term opens in place
(a popover), so that a student never leaves the page, its run or the class to read it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import texts
from core.teacher import glossary
from core.texts import families
from ui.common import lang, tr, tr_choice


def terms_line(page: str) -> None:
    """The terms ``page`` introduces, in one line, each a button opening its definition."""
    terms = glossary.terms_for(page)
    if not terms:
        return
    other = "en" if lang() == "fr" else "fr"
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"glossary_{page}"):
        st.caption(tr("glossary_line"), width="content")
        for term in terms:
            with st.popover(tr_choice("glossary_term_", term), type="tertiary", key=f"glossary_{page}_{term}",
                            on_change="rerun") as definition:
                if not definition.open:  # written when opened: a line of terms on every page, rarely opened
                    continue
                st.markdown(f"**{tr_choice('glossary_term_', term)}** — {tr_choice('glossary_def_', term)}")
                st.caption(tr("glossary_other_language", term=texts.t(families.key("glossary_term_", term), other)))


def glossary_table(page_titles: dict[str, str]) -> pd.DataFrame:
    """Every term in both languages with its definition in this session's language and its first page."""
    rows = []
    for term, page in glossary.TERMS:
        words = families.key("glossary_term_", term)
        rows.append({"fr": texts.t(words, "fr"), "en": texts.t(words, "en"),
                     "definition": tr_choice("glossary_def_", term), "page": page_titles.get(page, page)})
    return pd.DataFrame(rows)
