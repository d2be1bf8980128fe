"""The students' handout: two A4 pages, in French or in English, made as a PDF with fpdf2, offline.

It holds the lesson in five steps, ten real digits, the slides' numbers beside what this server
measured (``core.lesson.slides``), a chart of the measured accuracies, the class board's own
runs when a class is open, the lesson's words and its sources. Every measured number comes in
:class:`HandoutData` (read from the server by the page): nothing is typed in here. The font,
DejaVu Sans, ships in ``data/fonts/`` (its licence beside it): French needs U+202F and U+00A0
around its punctuation, and « ».
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image

from core import texts
from core.lesson import measures, slides
from core.teacher import plan
from core.texts import families

FONTS = Path(__file__).resolve().parents[2] / "data" / "fonts"
FONT_FILES = {"": FONTS / "DejaVuSans.ttf", "B": FONTS / "DejaVuSans-Bold.ttf"}
FONT = "DejaVuSans"
A4 = (210.0, 297.0)  # millimetres
MARGIN = 15.0
WIDTH = A4[0] - 2 * MARGIN

CLAIM_ROWS, BARS, TERMS = plan.HANDOUT_CLAIMS, plan.HANDOUT_BARS, plan.HANDOUT_TERMS
CLASS_MODELS = ("softmax", "mlp")
BLUE, RED, GREY = (11, 87, 208), (179, 38, 30), (95, 99, 104)


@dataclass(frozen=True)
class ClassRuns:
    """What the handout says of a class: its code, students and the runs shared on its board."""

    code: str
    students: int
    runs: tuple = field(default_factory=tuple)   # core.board.store.SharedRun


@dataclass(frozen=True)
class HandoutData:
    language: str
    measured: dict[str, Any]                   # measurement name -> value, the ready ones (ui.measurements)
    date: str                                  # when it is made, as the footer says it
    digits: np.ndarray | None = None           # (10, 28, 28) uint8: one of each digit
    class_runs: ClassRuns | None = None


def _t(key: str, language: str, **values) -> str:
    return texts.t(key, language, **values)


def class_lines(class_runs: ClassRuns, language: str) -> list[str]:
    """The class's numbers in sentences: students, runs, and each model's best and median test accuracy."""
    lines = [_t("handout_class_summary", language, code=class_runs.code, students=class_runs.students,
                runs=len(class_runs.runs))]
    for model in CLASS_MODELS:
        accuracies = [run.record.test_accuracy for run in class_runs.runs
                      if run.record.model == model and run.record.test_accuracy is not None]
        if accuracies:
            lines.append(_t("handout_class_best", language, model=_t(families.key("model_", model), language),
                            best=slides.format_percent(max(accuracies), 1, language),
                            median=slides.format_percent(statistics.median(accuracies), 1, language),
                            count=len(accuracies)))
    if len(lines) == 1:
        lines.append(_t("handout_class_none", language))
    return lines


def digits_strip(digits: np.ndarray) -> Image.Image:
    """The digits side by side, dark ink on white paper."""
    row = np.concatenate(list(np.asarray(digits, dtype=np.uint8)), axis=1)
    return Image.fromarray(255 - row, mode="L")


class _Handout(FPDF):
    def __init__(self, language: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.language = language
        for style, path in FONT_FILES.items():
            self.add_font(FONT, style, str(path))
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_lang(language)

    def heading(self, text: str, size: float = 13) -> None:
        self.ln(2)
        self.set_font(FONT, "B", size)
        self.set_text_color(*BLUE)
        self.multi_cell(WIDTH, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def paragraph(self, text: str, size: float = 10, bold_lead: str | None = None, height: float = 4.8) -> None:
        """A paragraph flowing from the left margin to the right one, its first words in bold."""
        self.set_x(MARGIN)
        if bold_lead:
            self.set_font(FONT, "B", size)
            self.write(height, bold_lead + " ")
        self.set_font(FONT, "", size)
        self.write(height, text)
        self.ln(height)


def _value(name: str, measured: dict, language: str, digits: int = 1) -> str | None:
    value = measured.get(name)
    return None if value is None else slides.format_value(measures.measure(name).unit, value, digits, language)


def build(data: HandoutData) -> bytes:
    """The handout as PDF bytes: two A4 pages in ``data.language``."""
    language = data.language
    pdf = _Handout(language)
    pdf.set_title(_t("handout_title", language))
    pdf.set_author(slides.DECK_AUTHOR)
    pdf.set_creator("IA et Nous")
    measured = data.measured

    # ---------------------------------------------------------------- page 1
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.cell(WIDTH, 10, _t("handout_title", language), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 12)
    pdf.set_text_color(*GREY)
    pdf.cell(WIDTH, 7, _t("handout_subtitle", language), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    if data.digits is not None:
        strip_height = WIDTH / len(data.digits)
        pdf.image(digits_strip(data.digits), x=MARGIN, y=pdf.get_y(), w=WIDTH, h=strip_height)
        pdf.set_y(pdf.get_y() + strip_height + 1)
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(WIDTH, 4.5, _t("handout_digits", language, train=slides.format_count(measures.computed("train_digits"), language),
                                  test=slides.format_count(measures.computed("test_digits"), language),
                                  pixels=measures.computed("pixels")), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.heading(_t("handout_steps", language))
    for number, key in enumerate(("handout_step_data", "handout_step_ten", "handout_step_five", "handout_step_limits",
                                  "handout_step_convolution"), start=1):
        lead, rest = _t(key, language).split(". ", 1)
        pdf.paragraph(rest, bold_lead=f"{number}. {lead}.")
        pdf.ln(1.2)

    pdf.heading(_t("handout_claims", language))
    widths = (WIDTH * 0.5, WIDTH * 0.22, WIDTH * 0.28)
    pdf.set_font(FONT, "B", 10)
    pdf.set_fill_color(232, 240, 254)
    for width, key in zip(widths, ("handout_col_what", "handout_col_slide", "handout_col_measured")):
        pdf.cell(width, 7, _t(key, language), border=1, fill=True)
    pdf.ln(7)
    pdf.set_font(FONT, "", 10)
    claims = {claim.id: claim for claim in slides.CLAIMS}
    for claim_id in CLAIM_ROWS:
        claim = claims[claim_id]
        pdf.cell(widths[0], 7, _t(families.key("handout_row_", claim_id), language), border=1)
        pdf.cell(widths[1], 7, slides.slide_text(claim, language) or _t("handout_in_words", language), border=1)
        pdf.cell(widths[2], 7, _value(claim.measure, measured, language, claim.digits)
                 or _t("handout_not_measured", language), border=1)
        pdf.ln(7)

    # ---------------------------------------------------------------- page 2
    pdf.add_page()
    pdf.heading(_t("handout_bars", language))
    label_width, bar_room, row = 62.0, WIDTH - 62.0 - 22.0, 8.0
    for name in BARS:
        value = measured.get(name)
        y = pdf.get_y()
        pdf.set_font(FONT, "", 10)
        pdf.cell(label_width, row, _t(families.key("handout_bar_", name), language))
        if value is None:
            pdf.set_text_color(*GREY)
            pdf.cell(bar_room, row, _t("handout_not_measured", language))
            pdf.set_text_color(0, 0, 0)
        else:
            pdf.set_fill_color(*(RED if name.startswith("shift") else BLUE))
            pdf.rect(MARGIN + label_width, y + 1.5, max(0.5, bar_room * float(value)), row - 3, style="F")
            pdf.set_x(MARGIN + label_width + bar_room + 2)
            pdf.set_font(FONT, "B", 10)
            pdf.cell(20, row, slides.format_percent(value, 1, language))
        pdf.set_xy(MARGIN, y + row)
    pdf.set_draw_color(*GREY)
    top = pdf.get_y() - row * len(BARS)
    pdf.line(MARGIN + label_width, top, MARGIN + label_width, pdf.get_y())
    pdf.set_draw_color(0, 0, 0)

    if data.class_runs is not None:
        pdf.heading(_t("handout_class", language))
        for line in class_lines(data.class_runs, language):
            pdf.paragraph(line)

    pdf.heading(_t("handout_glossary", language))
    for term in TERMS:
        words = _t(families.key("glossary_term_", term), language)
        pdf.paragraph(_t(families.key("glossary_def_", term), language),
                      bold_lead=words + ("\u00a0:" if language == "fr" else ":"), height=4.6)
        pdf.ln(0.6)

    pdf.set_y(A4[1] - MARGIN - 22)
    pdf.set_font(FONT, "", 7.5)
    pdf.set_text_color(*GREY)
    credits = dict(slides.credits(), deck=slides.DECK_TITLE, mnist_url=slides.MNIST_URL,
                   training_at=slides.moment_text("training"), five_at=slides.moment_text("five_layers"))
    pdf.multi_cell(WIDTH, 3.4, _t("handout_sources", language, **credits), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.multi_cell(WIDTH, 3.4, _t("handout_footer", language, date=data.date), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
