import numpy as np
import pytest

from core.numbers import format_number, format_vector
from core.vectors import VectorError, parse_vector


@pytest.mark.parametrize("text, expected", [
    ("1; 3; 2,5; 5; 4; 2", [1, 3, 2.5, 5, 4, 2]),          # the lesson, French
    ("(1; 3; 2,5; 5; 4; 2)", [1, 3, 2.5, 5, 4, 2]),        # as written on the slide
    ("z = (1; 3; 2,5)", [1, 3, 2.5]),
    ("1 3 2,5 5 4 2", [1, 3, 2.5, 5, 4, 2]),               # spaces, decimal comma
    ("1 3 2.5 5 4 2", [1, 3, 2.5, 5, 4, 2]),               # spaces, decimal point
    ("1, 3, 2.5, 5, 4, 2", [1, 3, 2.5, 5, 4, 2]),          # English
    ("1,3,2.5,5", [1, 3, 2.5, 5]),                         # a point elsewhere: commas separate
    ("1,3,2,5", [1, 3, 2, 5]),                             # no point, no space: commas separate
    ("1 ,2, 3", [1, 2, 3]),                                # a comma next to a space separates
    ("[-1e3, +1000, .5]", [-1000, 1000, 0.5]),
    ("  4\t5\n6 ", [4, 5, 6]),
    ("1;;2", [1, 2]),
])
def test_accepted_notations(text, expected):
    np.testing.assert_allclose(parse_vector(text), expected)


@pytest.mark.parametrize("text, code", [
    ("", "vector_empty"),
    ("   ", "vector_empty"),
    ("()", "vector_empty"),
    ("1; abc", "vector_not_a_number"),
    ("1..2 3", "vector_not_a_number"),
    ("1; NaN", "vector_not_finite"),
    ("inf 2", "vector_not_finite"),
    ("1 -infinity", "vector_not_finite"),
    ("1e400 2", "vector_too_large"),
    ("2000000 1", "vector_too_large"),
    ("5", "vector_too_short"),
    (" ".join(["1"] * 51), "vector_too_long"),
    ("1 " * 5000, "vector_too_long"),
])
def test_refused_inputs_name_the_problem(text, code):
    with pytest.raises(VectorError) as caught:
        parse_vector(text)
    assert caught.value.code == code


def test_bad_token_is_reported():
    with pytest.raises(VectorError) as caught:
        parse_vector("1; 2; deux")
    assert caught.value.details == {"token": "deux"}


def test_limits_can_be_changed():
    assert parse_vector("7", min_values=1).tolist() == [7.0]
    with pytest.raises(VectorError):
        parse_vector("1 2 3", max_values=2)


def test_numbers_are_written_as_each_language_reads_them():
    assert format_number(0.6048, 2, "fr") == "0,60"
    assert format_number(0.6048, 2, "en") == "0.60"
    assert format_number(-0.0001, 2, "en") == "0.00"
    assert format_number(2.5, None, "fr") == "2,5"
    assert format_vector([0.01, 0.6], 2, "fr") == "(0,01; 0,60)"
    assert format_vector([0.01, 0.6], 2, "en") == "(0.01, 0.60)"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_formatted_vectors_parse_back(lang):
    values = np.array([1.0, -3.25, 2.5, 1e-3])
    np.testing.assert_allclose(parse_vector(format_vector(values, None, lang)), values)


def test_format_count_marks_thousands_in_each_language():
    from core.numbers import format_count
    assert format_count(10000, "fr") == "10\u202f000" and format_count(10000, "en") == "10,000"
    assert format_count(2000, "en") == "2,000" and format_count(999, "fr") == "999"
