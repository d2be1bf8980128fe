"""The lesson's slides beside the app: "what the slide says" boxes and the deck's code beside the app's.

:func:`slide_box` is one call on a page: the claims of that page's slides
(``core.lesson.slides``), each with the slide's number beside the value this server measured
with the lesson's defaults (``ui.measurements``), refreshed while the measurement is computed.
:func:`code_slides` shows the deck's TensorFlow code line by line beside the app's own code,
read from ``core`` as it runs (``core.lesson.code``).
"""

from __future__ import annotations

import textwrap

import streamlit as st

from core.lesson import code, measures, slides
from core.numbers import format_number
from ui import measurements
from ui.glossary import terms_line
from ui.common import lang, tr, tr_choice
from ui.live import live

# A measurement being computed: a number to refresh, not a chart. Its box is on every page and a
# lesson measurement takes a minute while the class trains: with thirty students polling it every
# 4 s its rows were 5 % of the page server's time (py-spy, whole-lesson load test). Its value shows
# at once when it is ready (the page runs again), only the progress in between waits.
SLIDE_POLL_SECONDS = 6.0


def _measured_text(reading: measurements.Reading, claim: slides.Claim, language: str) -> tuple[str, str]:
    """(the value as shown, the line under it) for a reading in any state."""
    if reading.ready:
        return slides.format_value(claim.unit, reading.value, claim.digits, language), ""
    if reading.state == measurements.COMPUTING:
        progress = "" if reading.progress is None else format_number(100 * reading.progress, 0, language)
        return "…", tr("slide_state_computing", progress=progress)
    if reading.state == measurements.QUEUED:
        return "…", tr("slide_state_queued", position=(reading.position or 0) + 1)
    if reading.state == measurements.FAILING:
        return "—", tr("slide_state_failed")
    if claim.id in slides.OPENED_ON_A_PAGE:
        return "—", tr_choice("slide_absent_", claim.id)
    return "—", tr("slide_state_absent")


def _why(claim: slides.Claim, reading: measurements.Reading, beside: measurements.Reading | None,
         language: str) -> str:
    """The line under the two numbers: why they differ (or agree), with the measured values."""
    values = dict(slide=slides.slide_text(claim, language) or "—",
                  measured=slides.format_value(claim.unit, reading.value, claim.digits, language),
                  beside="—")
    if beside is not None and beside.ready:
        unit = measures.measure(claim.beside).unit
        values["beside"] = slides.format_value(unit, beside.value, claim.digits, language)
    return tr_choice("slide_why_", claim.id, **values)


def claim_row(claim: slides.Claim, reading: measurements.Reading, beside: measurements.Reading | None) -> None:
    """One claim: the slide's number and the measured one side by side, the slide's words, one line why."""
    language = lang()
    shown, state = _measured_text(reading, claim, language)
    left, middle, right = st.columns([2, 2, 5], vertical_alignment="center")
    slide_value = slides.slide_text(claim, language) or tr("slide_in_words")
    if claim.unit == "vector":  # six numbers: too long for a metric's large type, which cuts them
        left.markdown(f"{tr('slide_label', slide=claim.slide)}  \n**{slide_value}**")
        middle.markdown(f"{tr('slide_measured_label')}  \n**{shown}**", help=tr_choice("slide_claim_", claim.id))
    else:
        with left:
            st.metric(tr("slide_label", slide=claim.slide), slide_value, border=False)
        with middle:
            delta = slides.difference(claim, reading.value) if reading.ready else None
            st.metric(tr("slide_measured_label"), shown, help=tr_choice("slide_claim_", claim.id), border=False,
                      delta=None if delta is None or claim.unit != "percent" else
                      tr("slide_points", points=slides.format_points(delta, language)), delta_color="off")
    with right:
        st.markdown(f"« {claim.quote} »".replace("« ", "«\u00a0").replace(" »", "\u00a0»"))
        st.caption(state or _why(claim, reading, beside, language))


def slide_box(page: str, expanded: bool = True) -> None:
    """The "Ce que dit la diapo / What the slide says" box of ``page``, then the words the page introduces.

    One call on a page (nothing if the page has no claim).
    """
    claims = slides.claims_for(page)
    if not claims:
        return
    names = [name for claim in claims for name in (claim.measure, claim.beside) if name is not None]

    def render() -> None:
        readings = measurements.read_all(names)
        for index, claim in enumerate(claims):
            if index:
                st.divider()
            claim_row(claim, readings[claim.measure], readings.get(claim.beside) if claim.beside else None)

    def settled() -> bool:
        return all(reading.settled for reading in measurements.read_all(names).values())

    with st.expander(tr("slide_box_title"), expanded=expanded, icon=":material/slideshow:"):
        live(render, settled, base=SLIDE_POLL_SECONDS)
        moment = slides.PAGE_MOMENTS.get(page)
        if moment is not None:
            st.markdown(tr("slide_talk", moment=slides.moment_text(moment), url=slides.talk_link(moment),
                           speaker=slides.TALK_SPEAKER))
    terms_line(page)  # the words this page introduces, each opening its definition (ui.glossary)


def _snippet(lines: code.Lines) -> str:
    return f"# {lines.where}\n" + textwrap.dedent("\n".join(lines.text))


def code_slides(page: str) -> None:
    """The deck's code slides for ``page``, line by line beside the app's live code (folded by default)."""
    found = code.slides_for(page)
    if not found:
        return
    # Made and sent only when opened (a rerun): thirty code blocks at every run of the page, for a box
    # a student opens once, were a thirtieth of the page server's time with a class.
    with st.expander(tr("code_box_title"), expanded=False, icon=":material/code:", key=f"code_slides_{page}",
                     on_change="rerun") as box:
        if not box.open:
            return
        st.caption(tr("code_intro"))
        tabs = st.tabs([found_slide.title for found_slide in found] + [tr("code_full_source")])
        for tab, found_slide in zip(tabs, found):
            with tab:
                left, right = st.columns(2)
                left.markdown(f"**{tr('code_tf_header')}**")
                right.markdown(f"**{tr('code_app_header')}**")
                for link in found_slide.links:
                    left, right = st.columns(2, vertical_alignment="top")
                    left.code(link.tf, language="python", wrap_lines=True)
                    with right:
                        for lines in link.app_lines():
                            st.code(_snippet(lines), language="python", wrap_lines=True)
                        if link.note is not None:
                            st.caption(tr(link.note))
                st.markdown(f"**{tr('code_whole_slide')}**")
                st.code(found_slide.tf_code, language="python")
        with tabs[-1]:
            for name in code.sources_of(found):
                st.code(_snippet(code.source_lines(name)), language="python")
