"""The teacher's material: the 55-minute plan, its questions, the glossary, the printable handout."""

import io
from types import SimpleNamespace

import numpy as np
import pytest
from pypdf import PdfReader

from core import texts
from core.lesson import measures, slides
from core.settings.pages import PAGES
from core.teacher import glossary, handout, plan
from core.texts import convolution, families, five_layers, home, limits, softmax, training, translation

NNBSP, NBSP = "\u202f", "\u00a0"
A4_POINTS = (595.28, 841.89)


def test_the_plan_takes_55_minutes_part_after_part_on_the_lessons_pages():
    assert plan.total_minutes() == plan.LESSON_MINUTES == 55
    schedule = plan.schedule()
    assert schedule[0][1] == 0 and schedule[-1][2] == 55
    assert all(previous[2] == current[1] for previous, current in zip(schedule, schedule[1:]))
    assert [part.page for part in plan.PARTS] == [page for page in PAGES if page != "teacher"]
    assert plan.clock(47) == "0:47"


def test_every_part_has_its_words_and_its_expected_answer_names_measurements():
    for part in plan.PARTS:
        for prefix in ("plan_project_", "plan_say_", "plan_ask_", "plan_expected_"):
            for language in texts.LANGUAGES:
                assert texts.t(families.key(prefix, part.id), language).strip()
        assert set(part.expected) <= set(measures.MEASURES)
        expected = texts.t(families.key("plan_expected_", part.id), "fr", **{name: "X" for name in part.expected})
        assert "{" not in expected
    assert all(len(part.questions) in (1, 2) for part in plan.PARTS if part.page != "board")


@pytest.mark.parametrize("question", plan.QUESTIONS.values(), ids=lambda question: question.id)
def test_every_prepared_question_fits_the_board_and_is_revealed_by_a_measurement(question):
    assert question.measure in measures.MEASURES
    for language in texts.LANGUAGES:
        text = texts.t(families.key("question_", question.id), language)
        assert 0 < len(text) <= 200                                   # core.board.errors.QUESTION_MAX
    if question.kind == "number":
        assert question.low < question.high and not question.choices
    else:
        assert 2 <= len(question.choices) <= 6
        for choice in question.choices:
            assert texts.t(families.key("question_choice_", choice), "fr")


def test_a_measured_value_is_revealed_in_the_answers_unit():
    assert plan.QUESTIONS["ten"].answer(0.92413) == 92.4          # a percentage, as students answer it
    assert plan.QUESTIONS["shift"].answer(3) == 3                  # pixels
    assert plan.QUESTIONS["pixels"].answer(784) == 784
    assert plan.QUESTIONS["overfit"].answer("big") == "big" and plan.QUESTIONS["overfit"].kind == "choice"
    assert plan.QUESTIONS["ten"].answer(None) is None


PAGE_TEXTS = {"home": home, "softmax": softmax, "training": training, "five-layers": five_layers,
              "overfitting": limits, "translation": translation, "convolution": convolution}


@pytest.mark.parametrize("term, page", glossary.TERMS)
def test_every_glossary_term_is_in_both_languages_and_used_by_its_page(term, page):
    words = {language: texts.t(families.key("glossary_term_", term), language) for language in texts.LANGUAGES}
    definitions = {language: texts.t(families.key("glossary_def_", term), language) for language in texts.LANGUAGES}
    assert all(words.values()) and all(len(text) > 10 for text in definitions.values())
    assert page in PAGE_TEXTS and term in glossary.terms_for(page)
    if term in glossary.FROM_THE_SLIDE:
        return
    # the page's own texts, and its slide box's (core.texts.slides)
    shown = list(PAGE_TEXTS[page].TEXTS.values()) + [
        texts.TEXTS[families.key(prefix, claim.id)] for claim in slides.claims_for(page)
        for prefix in ("slide_claim_", "slide_why_")]
    for language in texts.LANGUAGES:
        word = words[language].split(" (")[0].lower()
        assert any(word in entry[language].lower() for entry in shown), (term, language)


def test_the_glossary_has_the_lessons_words():
    for term in ("softmax", "logit", "one_hot", "cross_entropy", "batch", "epoch", "learning_rate", "gradient_descent",
                 "overfitting", "convolution", "filter", "pooling", "accuracy", "loss", "neuron", "bias", "weight",
                 "sigmoid", "relu", "supervised_learning"):
        assert term in glossary.TERM_IDS
    assert texts.t("glossary_term_accuracy", "fr") == "taux de réussite"
    assert texts.t("glossary_term_cross_entropy", "fr") == "entropie croisée"


# ------------------------------------------------------------------ the handout
MEASURED = {"softmax_test": 0.9241, "mlp_test": 0.9763, "mlp_train": 0.9961, "overfit_train": 1.0,
            "overfit_test": 0.873, "shift_mlp_4": 0.306, "shift_augmented_4": 0.945, "cnn_test": 0.9936,
            "cnn_global_4": 0.9889}


def class_run(model, accuracy):
    return SimpleNamespace(record=SimpleNamespace(model=model, test_accuracy=accuracy))


def make(language, class_runs=None, measured=MEASURED):
    digits = np.zeros((10, 28, 28), dtype=np.uint8)
    digits[:, 10:18, 12:16] = 255
    data = handout.HandoutData(language, measured, "06/12/2026", digits, class_runs)
    return PdfReader(io.BytesIO(handout.build(data)))


def text_of(reader) -> str:
    """The PDF's text, its no-break spaces made plain (extraction may give them either way)."""
    raw = "\n".join(page.extract_text() for page in reader.pages)
    return raw.replace(NNBSP, " ").replace(NBSP, " ")


@pytest.mark.parametrize("language", texts.LANGUAGES)
def test_the_handout_is_two_a4_pages_with_the_lessons_and_the_servers_numbers(language):
    reader = make(language, handout.ClassRuns("K7P-4QA", 24, (class_run("softmax", 0.91), class_run("softmax", 0.925),
                                                             class_run("mlp", 0.97))))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=0.1)
    text = text_of(reader)
    plain = lambda value: value.replace(NNBSP, " ").replace(NBSP, " ")  # noqa: E731
    assert plain(texts.t("handout_title", language)) in text
    assert plain(texts.t("handout_claims", language)) in text
    for name, digits in (("softmax_test", 2), ("mlp_test", 2), ("mlp_train", 2)):
        assert plain(slides.format_percent(MEASURED[name], digits, language)) in text      # the server's numbers
    assert plain(slides.format_percent(0.306, 1, language)) in text
    assert plain(slides.format_percent(0.92, 0, language)) in text                         # the slide's
    assert plain(slides.format_count(60000, language)) in text and "784" in text
    assert "K7P-4QA" in text and plain(slides.format_percent(0.925, 1, language)) in text   # the class's best run
    assert "Christian Pasco" in text and slides.TALK_URL in text.replace("\n", "")
    assert plain(texts.t("glossary_term_cross_entropy", language)) in text


def test_the_french_handout_keeps_french_typography_in_its_text():
    reader = make("fr")
    raw = "\n".join(page.extract_text() for page in reader.pages)
    assert "60\u202f000" in raw or "60 000" in raw
    assert "«" in raw and "»" in raw
    assert "taux de réussite" in raw.lower() and "ln(Y)" in raw
    assert "K7P" not in raw                                         # no class: no class section
    assert texts.t("handout_class", "fr") not in raw


def test_a_handout_made_before_the_measurements_says_so():
    text = text_of(make("en", measured={}))
    assert texts.t("handout_not_measured", "en") in text
    assert len(make("en", measured={}).pages) == 2


def test_the_class_lines_give_each_models_best_and_median():
    runs = handout.ClassRuns("ABC-123", 3, (class_run("mlp", 0.96), class_run("mlp", 0.98), class_run("mlp", 0.97),
                                            class_run("softmax", None)))
    lines = handout.class_lines(runs, "en")
    assert lines[0] == texts.t("handout_class_summary", "en", code="ABC-123", students=3, runs=4)
    assert lines[1] == texts.t("handout_class_best", "en", model=texts.t("model_mlp", "en"), best="98.0%",
                               median="97.0%", count=3)
    assert handout.class_lines(handout.ClassRuns("ABC-123", 0), "fr")[1] == texts.t("handout_class_none", "fr")


def test_the_font_and_its_licence_ship_with_the_app():
    for path in handout.FONT_FILES.values():
        assert path.is_file() and path.stat().st_size > 500_000
    licence = (handout.FONTS / "LICENSE").read_text()
    assert "Bitstream" in licence and "Permission is hereby granted" in licence
