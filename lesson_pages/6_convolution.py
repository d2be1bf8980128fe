"""Vers la convolution — from pixels to shapes: a filter slides, pooling keeps what matters."""

import numpy as np
import pandas as pd
import streamlit as st

from core import data
from core.board.records import pipeline_record
from core.figures import convolution as cf
from core.figures import translation as tf
from core.figures.curves import curves_figure
from core.lesson import convolution as cv
from core.lesson import translation
from core.numbers import format_count, format_number
from core.settings.pages import ConvolutionPage, shown
from ui import board, translation_view
from ui.common import chart, lang, option_labels, shared_chart, tr, tr_choice
from ui.live import MEASUREMENT_POLL_SECONDS, job_status, live, show_failure
from ui.server import training_data
from ui.settings import widget
from ui.shared_work import pipeline_curves_job, pipeline_job, shift_curves_job

language = lang()
PAGE = shown("convolution", ConvolutionPage)
arrays = training_data()
st.title(tr("conv_title"))
st.markdown(tr("conv_intro"))


def number(value: float, digits: int = 2) -> str:
    return format_number(value, digits, language)


# ------------------------------------------------------------- the digit
def random_digit() -> None:
    st.session_state[PAGE.key("digit")] = int(np.random.default_rng().integers(arrays.y_test.size))


drawing = st.session_state.get("trans_drawing")
with st.container(border=True):
    source_column, index_column = st.columns([2, 3])
    with source_column:
        source = st.segmented_control(tr("conv_source"), ["test", "drawing"], default="test", required=True,
                                      format_func=option_labels("conv_source_"), key="conv_source",
                                      persist_state="session")
    with index_column:
        if source == "drawing" and drawing is None:
            st.info(tr("conv_no_drawing"), icon=":material/draw:")
        if source == "test" or drawing is None:
            with st.container(horizontal=True, vertical_alignment="bottom"):
                index = widget(PAGE, "digit")
                st.button(tr("trans_random"), icon=":material/casino:", on_click=random_digit, key="conv_random")
digit = drawing if source == "drawing" and drawing is not None else arrays.images_test[int(index)]
image = data.to_float(digit)

section = widget(PAGE, "section")
bank = cv.FilterBank()
bank_names = [tr_choice("filter_", name) for name in bank.presets]
bank_names += [tr("conv_negative", name=name) for name in bank_names]


# ------------------------------------------------------- one filter
def chosen_kernel() -> np.ndarray | None:
    """The kernel picked or typed, or None after a message saying what is wrong with it."""
    name = widget(PAGE, "filter")
    if name != "custom":
        return cv.PRESETS[name]
    size = st.segmented_control(tr("conv_custom_size"), list(cv.KERNEL_SIZES), default=3, required=True,
                                format_func=lambda n: f"{n}×{n}", key="conv_custom_size")
    start = cv.PRESETS["vertical_edges"] if size == 3 else np.pad([[1.0]], 2)
    st.caption(tr("conv_custom_help"))
    edited = st.data_editor(pd.DataFrame(start, columns=[str(c) for c in range(size)]), key=f"conv_custom_{size}",
                            hide_index=True, width="stretch")
    try:
        return cv.check_kernel(edited.to_numpy(dtype=float, na_value=np.nan))
    except cv.KernelError as problem:
        st.error(tr(problem.code, **problem.details), icon=":material/error:")
        return None


def show_filter() -> None:
    st.header(tr("conv_filter_header"), divider="red")
    st.markdown(tr("conv_filter_text"))
    controls, pictures = st.columns([1, 3], gap="large")
    with controls:
        kernel = chosen_kernel()
        if kernel is None:
            return
        shared_chart(cf.heatmaps_figure, [kernel], [tr("conv_kernel_title")], kind="signed", annotate=True,
                     height=260, number_format=".2~f", decimal_comma=language == "fr", key="conv_kernel")
    feature_map = cv.correlate(image, kernel)
    limit = float(np.abs(feature_map).max()) or 1.0
    with pictures:
        shared_chart(cf.heatmaps_figure, [image, feature_map], [tr("conv_input_title"), tr("conv_map_title")],
                     kind=["image", "signed"], limit=[None, limit], height=420, key="conv_map")
        st.caption(tr("conv_map_caption"))
    step_by_step(kernel, feature_map, limit)


def advance(size: int, speed: int) -> None:
    position = st.session_state.get("conv_row", 0) * size + st.session_state.get("conv_col", 0) + speed
    if speed == size:  # row by row: from the start of the next row
        position -= position % size
    position %= size * size
    st.session_state["conv_row"], st.session_state["conv_col"] = divmod(position, size)


def step_by_step(kernel: np.ndarray, feature_map: np.ndarray, limit: float) -> None:
    side = data.IMAGE_SIDE
    st.subheader(tr("conv_step_header"))
    playing = st.session_state.get("conv_play", False)

    @st.fragment(run_every=0.5 if playing else None)
    def stepper() -> None:
        if st.session_state.get("conv_play", False) != playing:
            st.rerun(scope="app")  # the toggle changed: start or stop the fragment's timer
        speed = 1 if st.session_state.get("conv_speed", "pixel") == "pixel" else side
        for key in ("conv_row", "conv_col"):
            st.session_state.setdefault(key, 7)  # the filter starts on the digit, not in an empty corner
        if st.session_state.get("conv_play", False):
            advance(side, speed)
        controls = st.columns([2, 2, 3], vertical_alignment="bottom")
        with controls[0]:
            row = st.slider(tr("conv_step_row"), 0, side - 1, key="conv_row")
        with controls[1]:
            col = st.slider(tr("conv_step_col"), 0, side - 1, key="conv_col")
        with controls[2]:
            with st.container(horizontal=True, vertical_alignment="bottom"):
                st.button(tr("conv_step_previous"), icon=":material/chevron_left:", key="conv_previous",
                          on_click=advance, args=(side, -1))
                st.button(tr("conv_step_next"), icon=":material/chevron_right:", key="conv_next",
                          on_click=advance, args=(side, 1))
                st.toggle(tr("conv_step_play"), key="conv_play")
                st.segmented_control(tr("conv_step_speed"), ["pixel", "row"], default="pixel", required=True,
                                     format_func=option_labels("speed_"), key="conv_speed",
                                     label_visibility="collapsed")
        size = kernel.shape[0]
        half = size // 2
        patch, products, total = cv.products_at(image, kernel, row, col)
        left, right = st.columns([1, 1], gap="large")
        with left:
            filled = cf.revealed(feature_map, row * side + col + 1)
            shared_chart(cf.heatmaps_figure, [image, filled], [tr("conv_input_title"), tr("conv_step_map_title")],
                         kind=["image", "signed"], limit=[None, limit], height=380,
                         highlights={0: (row - half, col - half, size), 1: (row, col, 1)},
                         key="conv_step_maps")
            st.caption(tr("conv_step_caption"))
        with right:
            shared_chart(cf.heatmaps_figure, [patch, kernel, products],
                         [tr("conv_patch_title"), tr("conv_kernel_title"), tr("conv_products_title")],
                         kind="signed", annotate=size == 3, height=260, number_format=".2~f",
                         decimal_comma=language == "fr",
                         key="conv_products")
            st.markdown(tr("conv_step_sum", row=row, col=col, value=number(total)))

    stepper()


# ---------------------------------------------------- a bank of filters
def show_bank() -> None:
    st.header(tr("conv_bank_header"), divider="red")
    st.markdown(tr("conv_bank_text"))
    maps = bank.maps(image[None])[0]
    limit = float(maps.max()) or 1.0
    for key, title, values in (("conv_bank_maps", tr("conv_bank_maps"), maps),
                               ("conv_bank_pool_1", tr("conv_bank_pool_1"), cv.max_pool(maps, 2)),
                               ("conv_bank_pool_2", tr("conv_bank_pool_2"), cv.max_pool(maps, 4))):
        # four filters a row: each edge filter above its opposite
        shared_chart(cf.heatmaps_figure, list(values), bank_names, kind="positive", columns=4, height=470, limit=limit,
                     title=title, key=key)
    st.markdown(tr("conv_bank_sizes"))


# ------------------------------------------------ why it helps with shifts
def show_shift() -> None:
    st.header(tr("conv_shift_header"), divider="red")
    st.markdown(tr("conv_shift_text"))
    controls, pictures = st.columns([1, 3], gap="large")
    with controls:
        dx = widget(PAGE, "dx")
        dy = widget(PAGE, "dy")
        chosen_filter = st.selectbox(tr("conv_filter_choice"), range(len(bank_names)), format_func=bank_names.__getitem__,
                             key="conv_shift_filter")
    moved = data.to_float(translation.shift_images(digit, int(dx), int(dy)))
    maps = bank.maps(np.stack([image, moved]))
    pooled = cv.max_pool(maps, 4)
    limit = float(pooled[:, chosen_filter].max()) or 1.0
    with pictures:
        shared_chart(cf.heatmaps_figure, [image, moved, pooled[0, chosen_filter], pooled[1, chosen_filter]],
                     [tr("conv_input_title"), tr("trans_moved", dx=f"{dx:+d}", dy=f"{dy:+d}"),
                      tr("conv_pooled_original"),
                      tr("conv_pooled_moved")],
                     kind=["image", "image", "positive", "positive"], limit=[None, None, limit, limit],
                     height=330, key="conv_shift_pictures")
    pixels = cv.cosine_similarity(image, moved)
    features = cv.cosine_similarity(pooled[0], pooled[1])
    with controls:
        st.metric(tr("conv_similarity_pixels_metric"), number(pixels))
        st.metric(tr("conv_similarity_pooled_metric"), number(features), delta=number(features - pixels))
    direction = st.segmented_control(tr("trans_direction"), translation.DIRECTIONS, default="horizontal",
                                     required=True, format_func=option_labels("direction_"),
                                     key="conv_shift_direction", persist_state="session")
    shifts = list(range(translation.PAGE_SHIFT + 1))
    likeness = cv.shift_similarity(digit, bank, shifts, direction)
    colors = {"pixels": "#5F6368", "maps": "#0B57D0", "pool_2": "#E37400", "pool_4": "#B3261E"}
    chart(curves_figure([dict(name=tr_choice("conv_similarity_", name), x=shifts, y=values, color=colors[name])
                         for name, values in likeness.items()],
                        tr("conv_similarity_title", direction=tr_choice("direction_", direction)),
                        tr("trans_shift_axis"), "cos", height=420), key="conv_similarity")


# ------------------------------------------------- a pipeline that learns
def show_pipeline() -> None:
    st.header(tr("conv_pipeline_header"), divider="red")
    st.markdown(tr("conv_pipeline_text", digits=format_count(cv.PIPELINE_TRAIN_SIZE, language)))
    settings, direction_column = st.columns(2)
    with settings:
        pool = widget(PAGE, "pool")
    with direction_column:
        direction = st.segmented_control(tr("trans_direction"), translation.DIRECTIONS, default="horizontal",
                                         required=True, format_func=option_labels("direction_"),
                                         key="conv_pipeline_direction", persist_state="session")
    models = translation_view.tested_models(use_own=True)
    models = {name: model for name, model in models.items() if name in ("softmax", "mlp")}
    with st.expander(tr("trans_models_title"), expanded=not all(m.ready for m in models.values())):
        translation_view.models_panel(models)
    fit = pipeline_job(pool)
    ready = translation_view.ready(models)
    jobs = {name: shift_curves_job(model) for name, model in ready.items()}

    def all_finished() -> bool:
        if not (fit.finished and all(job.finished for job in jobs.values())):
            return False
        return fit.error is not None or pipeline_curves_job(pool, fit.result).finished

    def results() -> None:
        curves = {}
        if not fit.finished:
            st.caption(tr("conv_pipeline_training"))
        elif fit.error is not None:
            show_failure(fit.error)
        else:
            pipeline = fit.result
            st.markdown(tr("conv_pipeline_result", accuracy=number(100 * pipeline.test_accuracy),
                           features=format_count(pipeline.bank.feature_count, language),
                           feature_seconds=number(pipeline.feature_seconds, 1),
                           fit_seconds=number(pipeline.fit_seconds, 1)))
            own = pipeline_curves_job(pool, pipeline)
            if job_status([own]) and own.error is None:
                curves["convolution"] = own.result[direction]
                board.share_panel(f"conv-{pool}-{direction}", pipeline_record(
                    pool=pool, train_size=pipeline.train_size, test_accuracy=pipeline.test_accuracy,
                    seconds=pipeline.feature_seconds + pipeline.fit_seconds,
                    shifts=range(translation.PAGE_SHIFT + 1), accuracy=own.result[direction], direction=direction))
        job_status(list(jobs.values()))
        for name, job in jobs.items():
            if job.finished and job.error is None:
                curves[name] = job.result[direction]
        shifts = list(range(translation.PAGE_SHIFT + 1))
        labels = {"convolution": tr("conv_pipeline_model"), **{n: m.label for n, m in ready.items()}}
        if curves:
            chart(curves_figure([dict(name=labels[name], x=shifts, y=values, color=tf.MODEL_COLORS[name])
                                 for name, values in curves.items()],
                                tr("conv_pipeline_chart", direction=tr_choice("direction_", direction)),
                                tr("trans_shift_axis"), "%", percent=True, height=480), key="conv_pipeline_chart")
        if {"convolution", "softmax", "mlp"} <= set(curves):
            for shift in (2, 4):
                st.markdown(tr("conv_pipeline_reading", shift=shift, direction=tr_choice("direction_", direction),
                               conv=number(100 * curves["convolution"][shift], 1),
                               softmax=number(100 * curves["softmax"][shift], 1),
                               mlp=number(100 * curves["mlp"][shift], 1)))

    live(results, all_finished, base=MEASUREMENT_POLL_SECONDS)
    st.info(tr("conv_pipeline_honest"), icon=":material/info:")


{"filter": show_filter, "bank": show_bank, "shift": show_shift, "pipeline": show_pipeline}[section]()

st.header(tr("conv_further_header"), divider="red")
st.markdown(tr("conv_further_text"))
