"""Limites : surapprentissage — overfitting, its remedies, the plateau and slow learning, as real experiments."""

import pandas as pd
import streamlit as st

from core.figures import palette
from core.figures.curves import curves_figure, gap_bars_figure
from core.lesson import experiments as ex
from core.numbers import format_count, format_number
from core.settings.pages import LimitsPage, shown
from ui import experiments_view
from ui.common import folded, lang, option_labels, shared_chart, tr, tr_choice
from ui.settings import widget
from ui.slides import slide_box

language = lang()
st.title(tr("overfit_title"))
st.markdown(tr("overfit_intro"))
st.caption(tr("overfit_shared"))
slide_place = st.container()  # filled last: the experiment shown below is opened by then

PAGE = shown("overfitting", LimitsPage)
section = widget(PAGE, "section")

# ------------------------------------------------------------ overfitting
sizes = ex.overfit_by_size()


def draw_overfitting(points: dict) -> None:
    curves = {size: ex.Curves.of(points[size]) for size in sizes if points[size]}
    if not curves:
        return
    accuracy_series, loss_series = [], []
    for index, (size, c) in enumerate(curves.items()):
        color, symbol = ex.SIZE_COLORS[index], palette.SYMBOLS[index]  # a size's colour and marker
        label = tr("digits_count", n=format_count(size, language))
        accuracy_series += [
            dict(name=f"{label} — {tr('curve_train_short')}", x=c.steps, y=c.train_accuracy, color=color,
                 symbol=symbol, dash="dash", width=2, group=label),
            dict(name=f"{label} — {tr('curve_test')}", x=c.steps, y=c.test_accuracy, color=color, symbol=symbol,
                 group=label)]
        loss_series += [
            dict(name=f"{label} — {tr('curve_train_short')}", x=c.steps, y=c.train_loss, color=color,
                 symbol=symbol, dash="dash", width=2, group=label),
            dict(name=f"{label} — {tr('curve_test')}", x=c.steps, y=c.test_loss, color=color, symbol=symbol,
                 group=label)]
    left, right = st.columns(2)
    with left:
        shared_chart(curves_figure, accuracy_series, tr("overfit_accuracy_chart"), tr("unit_epochs"), "%",
                     percent=True, key="overfit_accuracy")
    with right:
        shared_chart(curves_figure, loss_series, tr("overfit_loss_chart"), tr("unit_epochs"), tr("axis_loss"),
                     key="overfit_loss")
    finished = [size for size in sizes if len(points[size]) == sizes[size].epochs]
    if finished:
        final = {size: ex.Curves.of(points[size]) for size in finished}
        shared_chart(curves_figure, [
            dict(name=tr("curve_train_short"), x=finished, y=[final[s].train_accuracy[-1] for s in finished],
                 **palette.TRAIN_STYLE),
            dict(name=tr("curve_test"), x=finished, y=[final[s].test_accuracy[-1] for s in finished],
                 **palette.TEST_STYLE),
        ], tr("overfit_size_chart"), tr("axis_train_digits"), "%", percent=True, x_log=True, height=400,
                     key="overfit_sizes")
        smallest = final[finished[0]]
        st.info(tr("overfit_reading", n=format_count(finished[0], language),
                   train=format_number(100 * smallest.train_accuracy[-1], 1, language),
                   test=format_number(100 * smallest.test_accuracy[-1], 1, language),
                   low=format_number(smallest.test_loss.min(), 2, language),
                   end=format_number(smallest.test_loss[-1], 2, language)), icon=":material/search:")


def show_overfitting() -> None:
    st.header(tr("overfit_section"), divider="red")
    st.markdown(tr("overfit_text"))
    folded("overfit_more")
    experiments_view.grid("overfit", sizes, draw_overfitting)


# --------------------------------------------------------------- remedies
colors = {"none": palette.VERMILLION, "l2": palette.BLUE, "early_stopping": palette.REDDISH_PURPLE,
          "more_data": palette.BLUISH_GREEN, "fewer_neurons": palette.ORANGE}


def show_remedies() -> None:
    st.header(tr("remedies_section"), divider="red")
    st.markdown(tr("remedies_text"))
    folded("remedies_more")
    chosen = st.pills(tr("remedies_choice"), ex.REMEDIES, selection_mode="multi", default=list(ex.REMEDIES),
                      format_func=option_labels("remedy_"), key="remedies", persist_state="session") or []
    strength = widget(PAGE, "l2", disabled="l2" not in chosen)
    remedy_settings = {name: ex.remedy(name, strength) for name in ["none", *chosen]}
    experiments_view.grid("remedies", remedy_settings, draw_remedies)


def draw_remedies(points: dict) -> None:
    curves = {name: ex.Curves.of(cp) for name, cp in points.items() if cp}
    if "none" not in curves:
        return
    series, markers, rows = [], [], []
    for name, c in curves.items():
        if name == "early_stopping":
            continue
        series.append(dict(name=tr_choice("remedy_", name), x=c.steps, y=c.gap, color=colors[name]))
        rows.append((name, len(c.steps) - 1))
    if "early_stopping" in curves and curves["early_stopping"].validation_loss is not None:
        c = curves["early_stopping"]
        best, stop = ex.early_stopping_epoch(c.validation_loss)
        markers.append(dict(x=c.steps[best], y=c.gap[best], text=tr("remedy_stop_here", epoch=c.steps[best]),
                            color=colors["early_stopping"]))
        rows.append(("early_stopping", best))
    left, right = st.columns([3, 2])
    with left:
        shared_chart(curves_figure, series, tr("remedies_gap_chart"), tr("unit_epochs"), tr("axis_gap_points"),
                     markers=markers, key="remedies_gap")
    table = pd.DataFrame([{
        tr("remedies_col_option"): tr_choice("remedy_", name),
        tr("remedies_col_epoch"): int(curves[name].steps[i]),
        tr("remedies_col_train"): format_number(100 * curves[name].train_accuracy[i], 1, language),
        tr("remedies_col_test"): format_number(100 * curves[name].test_accuracy[i], 1, language),
        tr("remedies_col_gap"): format_number(curves[name].gap[i], 1, language),
        tr("remedies_col_test_loss"): format_number(curves[name].test_loss[i], 3, language),
    } for name, i in rows])
    with right:
        shared_chart(gap_bars_figure, [tr_choice("remedy_", name) for name, _ in rows],
                     [float(curves[name].gap[i]) for name, i in rows], [colors[name] for name, _ in rows],
                     tr("remedies_bars_chart"), tr("axis_gap_points"), key="remedies_bars")
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(tr("remedies_reading"))


# ---------------------------------------------------------------- plateau


def draw_plateau(points: dict) -> None:
    series = []
    if points["softmax"]:
        c = ex.Curves.of(points["softmax"])
        series.append(dict(name=tr("plateau_softmax"), x=ex.softmax_epochs(c.steps), y=c.test_accuracy,
                           **palette.MODEL_STYLES["softmax"]))
    if points["mlp"]:
        c = ex.Curves.of(points["mlp"])
        series.append(dict(name=tr("plateau_mlp"), x=c.steps, y=c.test_accuracy, **palette.MODEL_STYLES["mlp"]))
    if series:
        shared_chart(curves_figure, series, tr("plateau_chart"), tr("unit_epochs"), "%", percent=True,
                     references=[(0.92, tr("reference_92")), (0.98, tr("reference_98"))], key="plateau_chart")


def show_plateau() -> None:
    st.header(tr("plateau_section"), divider="red")
    st.markdown(tr("plateau_text"))
    experiments_view.grid("plateau", {"softmax": ex.PLATEAU_SOFTMAX, "mlp": ex.PLATEAU_MLP}, draw_plateau)


# ---------------------------------------------------------- slow learning
slow_colors = {"slow_sigmoid": palette.VERMILLION, "slow_relu": palette.BLUISH_GREEN, "slow_rate_small": palette.ORANGE}


def draw_slow(points: dict) -> None:
    series = [dict(name=tr(name), x=ex.Curves.of(cp).steps, y=ex.Curves.of(cp).test_accuracy, color=slow_colors[name])
              for name, cp in points.items() if cp]
    if series:
        shared_chart(curves_figure, series, tr("slow_chart"), tr("unit_epochs"), "%", percent=True, key="slow_chart")


def show_slow() -> None:
    st.header(tr("slow_section"), divider="red")
    st.markdown(tr("slow_text"))
    folded("slow_more")
    experiments_view.grid("slow", ex.SLOW_LEARNING, draw_slow)


# Only the chosen experiment is computed and drawn: the first one fills up in seconds,
# and the teacher walks the class through them one at a time.
{"overfitting": show_overfitting, "remedies": show_remedies, "plateau": show_plateau, "slow": show_slow}[section]()
with slide_place:
    slide_box("overfitting")
