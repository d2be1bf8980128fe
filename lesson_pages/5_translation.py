"""Limites : translation — shift a digit and watch the networks fail; draw your own digit."""

import numpy as np
import streamlit as st

from core import data
from core.figures import translation as tf
from core.figures.curves import curves_figure
from core.lesson import experiments, translation
from core.numbers import format_count, format_number
from core.settings.pages import TranslationPage, shown
from ui import translation_view as tv
from ui.common import folded, lang, option_labels, shared_chart, tr, tr_choice
from ui.live import MEASUREMENT_POLL_SECONDS, job_status, live
from ui.server import training_data
from ui.settings import widget
from ui.shared_work import shift_curves_job, shift_grid_job
from ui.slides import slide_box

language = lang()
PAGE = shown("translation", TranslationPage)
arrays = training_data()
st.title(tr("trans_title"))
st.markdown(tr("trans_intro"))
slide_box("translation")
folded("trans_more")

# ------------------------------------------------------------------ models
use_own = True
with st.container(border=True):
    st.markdown(f"**{tr('trans_models_title')}**")
    if tv.own_models_available():
        use_own = st.toggle(tr("trans_use_own"), value=True, key="trans_use_own", help=tr("trans_use_own_help"),
                            persist_state="session")
    models = tv.tested_models(use_own)
    tv.models_panel(models)
usable = tv.ready(models)


def percent(value: float, digits: int = 0) -> str:
    return format_number(100 * value, digits, language)


def model_series(probabilities: dict) -> list[dict]:
    return [dict(name=usable[name].label, probabilities=p, **tf.MODEL_STYLES[name])
            for name, p in probabilities.items()]


def verdicts(probabilities: dict, truth: int | None) -> None:
    for name, p in probabilities.items():
        digit = int(np.argmax(p))
        values = dict(model=usable[name].label, digit=digit, p=percent(p[digit]))
        if truth is None:
            st.markdown(tr("trans_reads", **values))
        else:
            st.markdown(tr("trans_reads_right" if digit == truth else "trans_reads_wrong", truth=truth, **values))


section = widget(PAGE, "section")


# ------------------------------------------------------------ shift a digit
def pick_random() -> None:
    st.session_state[PAGE.key("digit")] = int(np.random.default_rng().integers(arrays.y_test.size))


def pick_recognised() -> None:
    index = tv.recognised_digit(models, np.random.default_rng())
    st.session_state["trans_recognised_none"] = index is None
    st.session_state[PAGE.key("digit")] = index if index is not None else \
        int(np.random.default_rng().integers(arrays.y_test.size))


def recentre() -> None:
    st.session_state[PAGE.key("dx")] = 0
    st.session_state[PAGE.key("dy")] = 0


def show_shift() -> None:
    st.header(tr("trans_shift_header"), divider="red")
    st.markdown(tr("trans_shift_text"))
    controls, images = st.columns([2, 3], gap="large")
    with controls:
        index = widget(PAGE, "digit")
        with st.container(horizontal=True):
            st.button(tr("trans_random"), icon=":material/casino:", on_click=pick_random, key="trans_random")
            st.button(tr("trans_recognised"), icon=":material/verified:", on_click=pick_recognised,
                      key="trans_recognised", disabled=not usable)
            st.button(tr("trans_recentre"), icon=":material/filter_center_focus:", on_click=recentre,
                      key="trans_recentre")
        if st.session_state.pop("trans_recognised_none", False):
            st.info(tr("trans_recognised_none"), icon=":material/info:")
        dx = widget(PAGE, "dx")
        dy = widget(PAGE, "dy")
    image, truth = arrays.images_test[int(index)], int(arrays.y_test[int(index)])
    moved = translation.shift_images(image, int(dx), int(dy))
    with images:
        shared_chart(tf.images_figure, [image, moved], [tr("trans_original", digit=truth),
                                                        tr("trans_moved", dx=f"{dx:+d}", dy=f"{dy:+d}")],
                     key="trans_pair")
    if not usable:
        st.info(tr("trans_none_ready"), icon=":material/hourglass_top:")
        return
    rows = data.flatten(data.to_float(moved[None]))
    probabilities = {name: tv.shared_prediction(model, ("moved", int(index), int(dx), int(dy)),
                                                lambda model=model: model.predict_proba(rows)[0])
                     for name, model in usable.items()}
    left, right = st.columns([3, 2], gap="large")
    with left:
        shared_chart(tf.probabilities_figure, model_series(probabilities), truth, tr("trans_probabilities_title"),
                     tr("trans_digit_axis"), tr("trans_true"), key="trans_probabilities")
    with right:
        verdicts(probabilities, truth)
        direction = st.segmented_control(tr("trans_direction"), translation.DIRECTIONS, default="horizontal",
                                         required=True, format_func=option_labels("direction_"),
                                         key="trans_sweep_direction", persist_state="session")
    shifts = list(range(-translation.PAGE_SHIFT, translation.PAGE_SHIFT + 1))
    series = [dict(name=model.label, x=shifts, **tf.MODEL_STYLES[name],
                   y=tv.shared_prediction(model, ("sweep", int(index), direction, tuple(shifts)),
                                          lambda model=model: translation.class_probability_sweep(
                                              model.predict_proba, image, truth, shifts, direction)))
              for name, model in usable.items()]
    current = {"horizontal": dx, "vertical": dy, "diagonal": dx if dx == dy else None}[direction]
    shared_chart(curves_figure, series, tr("trans_sweep_title", digit=truth,
                                           direction=tr_choice("direction_", direction)),
                 tr("trans_shift_axis"), "%", percent=True, height=400, vertical=current, y_range=(-2, 105),
                 key="trans_sweep")
    st.caption(tr("trans_sweep_caption"))


# ------------------------------------------------------- the whole test set
def show_test_set() -> None:
    st.header(tr("trans_test_header"), divider="red")
    st.markdown(tr("trans_test_text"))
    if not usable:
        st.info(tr("trans_none_ready"), icon=":material/hourglass_top:")
        return
    direction = widget(PAGE, "direction")
    curve_jobs = {name: shift_curves_job(model) for name, model in usable.items()}
    heatmap_names = list(usable)
    chosen = st.segmented_control(tr("trans_heatmap_model"), heatmap_names, default=heatmap_names[-1] if
                                  "mlp" not in heatmap_names else "mlp", required=True,
                                  format_func=lambda name: usable[name].label,
                                  # a new control when another model becomes ready, so that the default applies
                                  key="trans_heatmap_choice_" + "-".join(heatmap_names))
    chosen = chosen if chosen in usable else heatmap_names[0]
    grid = shift_grid_job(usable[chosen], tv.HEATMAP_DIGITS)

    def results() -> None:
        left, right = st.columns([3, 2], gap="large")
        with left:
            finished = {name: job for name, job in curve_jobs.items() if job.finished and job.error is None}
            job_status(list(curve_jobs.values()))
            shifts = list(range(translation.PAGE_SHIFT + 1))
            series = [dict(name=usable[name].label, x=shifts, y=job.result[direction], **tf.MODEL_STYLES[name])
                      for name, job in finished.items()]
            if series:
                shared_chart(curves_figure, series,
                             tr("trans_curves_title", direction=tr_choice("direction_", direction)),
                             tr("trans_shift_axis"), "%", percent=True, height=460, key="trans_curves")
                for name, job in finished.items():
                    curve = job.result[direction]
                    st.markdown(tr("trans_curves_reading", model=usable[name].label, at0=percent(curve[0], 1),
                                   shift=4, at_shift=percent(curve[4], 1), direction=tr_choice("direction_", direction)))
                for name, job in finished.items():
                    tv.share_curve(usable[name], direction, shifts, job.result[direction])
        with right:
            if job_status([grid]) and grid.error is None:
                shared_chart(tf.accuracy_heatmap, grid.result, tr("trans_heatmap_title", model=usable[chosen].label),
                             "dx", "dy", height=520, key="trans_heatmap")
                st.caption(tr("trans_heatmap_caption", n=format_count(tv.HEATMAP_DIGITS, language)))

    live(results, lambda: all(job.finished for job in curve_jobs.values()) and grid.finished,
         base=MEASUREMENT_POLL_SECONDS)
    st.subheader(tr("trans_remedy_header"))
    st.markdown(tr("trans_remedy_text", shift=experiments.AUGMENTATION_SHIFT))
    folded("trans_remedy_more")
    st.page_link("lesson_pages/6_convolution.py", label=tr("trans_go_convolution"), icon=":material/arrow_forward:")


# ------------------------------------------------------------ draw a digit
STROKE_WIDTH = 22  # canvas pixels on 280: about 2 MNIST pixels once scaled to 20 × 20


def clear_canvas() -> None:
    st.session_state["trans_canvas_version"] = st.session_state.get("trans_canvas_version", 0) + 1


def read_canvas():
    """The canvas's RGBA image, or None; a component that fails to load is said, not raised."""
    try:
        from streamlit_drawable_canvas import st_canvas

        result = st_canvas(stroke_width=STROKE_WIDTH, stroke_color="#FFFFFF", background_color="#000000", height=280,
                           width=280, drawing_mode="freedraw", return_image_data=True,
                           key=f"trans_canvas_{st.session_state.get('trans_canvas_version', 0)}")
        return result.image_data
    except Exception as error:  # a broken or missing component must not take the page down
        st.warning(tr("trans_draw_unavailable", error=type(error).__name__), icon=":material/warning:")
        return None


def show_draw() -> None:
    st.header(tr("trans_draw_header"), divider="red")
    st.markdown(tr("trans_draw_text"))
    folded("trans_draw_more")
    canvas_column, seen_column, reads_column = st.columns([2, 2, 3], gap="large")
    with canvas_column:
        st.caption(tr("trans_canvas_caption"))  # also leaves room for the canvas's toolbar above it
        picture = read_canvas()
        with st.container(horizontal=True):
            st.button(tr("trans_clear"), icon=":material/ink_eraser:", on_click=clear_canvas, key="trans_clear")
            skip = widget(PAGE, "skip_centering")
    try:
        if picture is None:
            raise translation.DrawingError("drawing_empty")
        seen = translation.preprocess_drawing(picture, skip_centering=skip, stroke_width=STROKE_WIDTH)
        st.session_state["trans_drawing"] = seen  # the convolution page can filter it
    except translation.DrawingError as problem:
        details = dict(problem.details)
        if "fraction" in details:
            details = {"percent": percent(details["fraction"])}
        with seen_column:
            if problem.code == "drawing_empty":
                st.info(tr("trans_draw_prompt"), icon=":material/draw:")
            else:
                st.warning(tr(problem.code, **details), icon=":material/gesture:")
        return
    with seen_column:
        shared_chart(tf.images_figure, [seen], [tr("trans_seen_uncentred" if skip else "trans_seen_centred")],
                     height=330, key="trans_seen")
        if skip:
            st.caption(tr("trans_uncentred_note"))
    with reads_column:
        if not usable:
            st.info(tr("trans_none_ready"), icon=":material/hourglass_top:")
            return
        rows = data.flatten(data.to_float(seen[None]))
        probabilities = {name: model.predict_proba(rows)[0] for name, model in usable.items()}
        shared_chart(tf.probabilities_figure, model_series(probabilities), None, tr("trans_draw_reads_title"),
                     tr("trans_digit_axis"), tr("trans_true"), height=340, key="trans_draw_bars")
        verdicts(probabilities, None)


{"shift": show_shift, "test_set": show_test_set, "draw": show_draw}[section]()
