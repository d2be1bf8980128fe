"""Teacher links: every page's settings survive the round trip through the URL; bad values are refused."""

import math

import pytest

from core.lesson import examples
from core.settings import links
from core.settings.links import Setting, SettingError
from core.settings.pages import PAGE_SETTINGS

ALL = [(page, setting) for page, settings in PAGE_SETTINGS.items() for setting in settings]


def some_values(setting: Setting, language: str = "fr") -> list:
    """A few legal values of a setting: its default, its choices, its bounds."""
    default = links.default_of(setting, language)
    if setting.kind == "bool":
        return [True, False]
    if setting.kind == "text":
        return [default, "1; 2,5; -3", "200 100"]
    if setting.choices:
        return list(setting.choices)
    return [default, setting.low, setting.high]


@pytest.mark.parametrize("page, setting", ALL, ids=[f"{p}-{s.name}" for p, s in ALL])
def test_every_setting_round_trips_through_the_url(page, setting):
    for value in some_values(setting):
        params = links.to_params([setting], {setting.key: value})
        values, problems = links.read([setting], params)
        assert not problems
        if value == links.default_of(setting):
            assert params == {} and values == {}          # defaults stay out of the link
        else:
            assert values == {setting.key: value} and type(values[setting.key]) is type(value)


def test_names_and_keys_are_unique_on_each_page_and_labels_exist():
    from core import texts
    for page, settings in PAGE_SETTINGS.items():
        names = [s.name for s in settings]
        assert len(names) == len(set(names)), page
        assert len({s.key for s in settings}) == len(settings), page
        assert not set(names) & links.RESERVED, page
        assert all(s.label in texts.TEXTS for s in settings), page


@pytest.mark.parametrize("setting, raw", [
    (Setting("lr", "k", "float", 0.003, choices=(0.001, 0.003, 0.01)), "0.02"),     # not a step of the slider
    (Setting("lr", "k", "float", 0.003, choices=(0.001, 0.003, 0.01)), "abc"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), "10000"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), "-1"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), "2.5"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), "nan"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), "inf"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), "1e400"),
    (Setting("seed", "k", "int", 0, low=0, high=9999), ""),
    (Setting("slow", "k", "bool", False), "maybe"),
    (Setting("mode", "k", "choice", "round", choices=("truncate", "round")), "ROUND"),
    (Setting("z", "k", "text", "1"), "x" * 201),
    (Setting("z", "k", "text", "1"), "a\nb"),
    (Setting("z", "k", "text", "1"), "y" * 400),
])
def test_bad_values_are_refused(setting, raw):
    with pytest.raises(SettingError):
        setting.parse(raw)
    values, problems = links.read([setting], {setting.name: raw})
    assert values == {} and problems == [(setting.name, raw[:40])]


def test_numbers_are_read_leniently_but_exactly():
    lr = Setting("lr", "k", "float", 0.003, choices=(0.0001, 0.001, 0.003, 0.01))
    assert lr.parse("0.010") == 0.01 and lr.parse("1e-4") == 0.0001 and lr.parse(" 0,001 ") == 0.001
    assert lr.encode(0.0001) == "0.0001" and lr.encode(0.003) == "0.003"
    iterations = Setting("iter", "k", "int", 10000, choices=(1000, 10000))
    assert iterations.parse("1000") == 1000 and type(iterations.parse("1e3")) is int
    temperature = Setting("t", "k", "float", 1.0, choices=(0.5, 1.0, 2.0))
    assert temperature.parse("2") == 2.0 and temperature.encode(2.0) == "2"
    assert Setting("dx", "k", "int", 0, low=-8, high=8).parse("-8") == -8
    assert Setting("s", "k", "bool", False).parse("TRUE") is True


def test_a_language_dependent_default_stays_out_of_the_link_in_each_language():
    z = next(s for s in PAGE_SETTINGS["softmax"] if s.name == "z")
    assert links.to_params([z], {z.key: examples.z_text("en")}, "en") == {}
    assert links.to_params([z], {z.key: examples.z_text("fr")}, "fr") == {}
    assert links.to_params([z], {z.key: examples.z_text("en")}, "fr") == {"z": examples.z_text("en")}


def test_reading_takes_the_last_of_repeated_values_and_ignores_the_rest():
    settings = PAGE_SETTINGS["training"]
    values, problems = links.read(settings, {"lr": ["0.1", "0.01"], "unknown": "3", "lang": "en"})
    assert values == {"softmax_lr": 0.01} and problems == []
    values, problems = links.read(settings, {"iter": "12", "seed": "42"})
    assert values == {"softmax_seed": 42} and problems == [("iter", "12")]


def test_hidden_controls_and_presenter_mode():
    settings = PAGE_SETTINGS["training"]
    assert links.hidden_names(settings, {"hide": "lr, seed,nope,,"}) == {"lr", "seed"}
    assert links.hidden_names(settings, {}) == set()
    assert links.hidden_names(settings, {"hide": ",".join(["lr"] * 500)}) == {"lr"}
    assert links.presenting({"present": "1"}) and links.presenting({"present": ["0", "yes"]})
    assert not links.presenting({}) and not links.presenting({"present": "0"})


def test_encoded_floats_are_exact():
    for value in (0.0001, 1e-5, 0.3, 1.0 / 3.0, 123456.789):
        setting = Setting("x", "k", "float", 0.0, low=-1e9, high=1e9)
        assert math.isclose(setting.parse(setting.encode(value)), value, rel_tol=0, abs_tol=0)
