"""Input sequences: presets, text one-hot, CSV and .npy loading, and their errors."""

from __future__ import annotations

import math
import pickle
import re

import numpy as np
import pytest

from rnnviz.core.errors import RnnvizError
from rnnviz.core.sequences import (
    PRESETS,
    Sequence,
    counting,
    fit_features,
    impulse,
    load_csv,
    load_npy,
    load_sequence,
    make_preset,
    noise,
    sine,
    square,
    text_one_hot,
    vocabulary,
)


def _raises(match: str):
    """pytest.raises for RnnvizError that also checks the message stays on one line."""
    return pytest.raises(RnnvizError, match=match)


def _one_line(excinfo) -> None:
    assert "\n" not in str(excinfo.value)


# ---------------------------------------------------------------- Sequence


def test_sequence_properties_and_read_only_copy():
    raw = np.arange(24, dtype=np.int64).reshape(4, 3, 2)
    seq = Sequence(raw, "x")
    assert (seq.length, seq.batch, seq.features) == (4, 3, 2)
    assert seq.values.dtype == np.float64
    assert not seq.values.flags.writeable
    raw[0, 0, 0] = 99  # the caller's array stays the caller's
    assert seq.values[0, 0, 0] == 0
    assert seq.step_label(3) == "3"


def test_sequence_rejects_bad_values():
    with _raises(r"\(T, B, I\)"):
        Sequence(np.zeros((3, 2)), "x")
    with _raises("no empty axis"):
        Sequence(np.zeros((0, 1, 1)), "x")
    with _raises("NaN or inf"):
        Sequence(np.array([[[np.inf]]]), "x")
    with _raises("text has 2 entries for 1 steps"):
        Sequence(np.zeros((1, 1, 1)), "x", text="ab")
    with _raises("columns has 1 entries for 2 features"):
        Sequence(np.zeros((1, 1, 2)), "x", columns=("a",))


def test_step_label_quotes_text_characters():
    seq = text_one_hot("hi\n")
    assert [seq.step_label(t) for t in range(3)] == ["'h'", "'i'", "'\\n'"]


# ---------------------------------------------------------------- presets


@pytest.mark.parametrize("name", [p for p in PRESETS if p != "text"])
def test_every_preset_has_shape_dtype_and_name(name):
    seq = make_preset(name, length=7, input_size=3, batch=2)
    assert seq.values.shape == (7, 2, 3)
    assert seq.values.dtype == np.float64
    assert np.isfinite(seq.values).all()
    assert seq.name == name
    assert seq.vocab is None and seq.text is None and seq.columns is None


def test_sine_matches_formula_with_feature_and_batch_shifts():
    amp, freq, n_in = 2.5, 0.07, 3
    seq = sine(length=30, input_size=n_in, batch=2, amplitude=amp, frequency=freq)
    for t in (0, 5, 29):
        for b in range(2):
            for k in range(n_in):
                phi = k * math.pi / n_in + b * math.pi / 4
                expected = amp * math.sin(2 * math.pi * freq * t + phi)
                assert seq.values[t, b, k] == pytest.approx(expected, abs=1e-12)
    # Each feature and batch element is visibly shifted.
    assert not np.allclose(seq.values[:, 0, 0], seq.values[:, 0, 1])
    assert not np.allclose(seq.values[:, 0, 0], seq.values[:, 1, 0])


def test_square_is_plus_minus_amplitude_and_follows_sine_sign():
    kw = dict(length=200, input_size=2, batch=3, amplitude=1.5, frequency=0.05)
    sq, sn = square(**kw).values, sine(**kw).values
    assert set(np.unique(sq)) <= {-1.5, 1.5}
    clear = np.abs(sn) > 1e-9
    assert np.array_equal(np.sign(sq[clear]), np.sign(sn[clear]))


def test_square_zero_crossings_give_equal_halves():
    # frequency 0.05: sin is exactly 0 (in exact arithmetic) at t = 0, 10, 20, ...
    values = square(length=40, frequency=0.05).values[:, 0, 0]
    assert values[0] == 1.0  # sign(0) at the start of a cycle is +1
    assert np.array_equal(values, np.tile(np.repeat([1.0, -1.0], 10), 2))


def test_impulse_only_at_the_chosen_step():
    seq = impulse(length=6, input_size=2, batch=3, amplitude=4.0, impulse_at=2)
    assert np.all(seq.values[2] == 4.0)
    assert np.count_nonzero(seq.values) == 2 * 3
    assert make_preset("impulse", length=3).values[0, 0, 0] == 1.0  # default at t = 0


@pytest.mark.parametrize("at", [-1, 5, 100])
def test_impulse_outside_the_sequence_is_an_error(at):
    with _raises("impulse_at") as excinfo:
        impulse(length=5, impulse_at=at)
    _one_line(excinfo)
    assert "0 to 4" in str(excinfo.value)


def test_noise_is_seeded_standard_normal_times_amplitude():
    a = noise(length=20, input_size=2, batch=2, amplitude=3.0, seed=7).values
    expected = 3.0 * np.random.default_rng(7).standard_normal((20, 2, 2))
    assert np.array_equal(a, expected)
    assert np.array_equal(a, make_preset("noise", length=20, input_size=2, batch=2,
                                         amplitude=3.0, seed=7).values)
    assert not np.array_equal(a, noise(length=20, input_size=2, batch=2, seed=8).values)


def test_counting_one_hot_cycles_through_features():
    seq = counting(length=7, input_size=3, batch=2, amplitude=2.0)
    assert np.allclose(seq.values.sum(axis=2), 2.0)  # every one-hot row sums to amplitude
    assert list(seq.values[:, 0, :].argmax(axis=1)) == [0, 1, 2, 0, 1, 2, 0]
    assert np.array_equal(seq.values[:, 0], seq.values[:, 1])


def test_counting_with_one_feature_is_a_ramp():
    seq = counting(length=5, input_size=1, batch=2, amplitude=2.0)
    assert np.allclose(seq.values[:, 0, 0], [0.0, 0.5, 1.0, 1.5, 2.0])
    assert np.array_equal(seq.values[:, 0], seq.values[:, 1])
    assert counting(length=1, amplitude=3.0).values.tolist() == [[[0.0]]]


@pytest.mark.parametrize("field, fix", [("length", "time steps"), ("batch", "single sequence"),
                                        ("input_size", "features per step")])
@pytest.mark.parametrize("name", ["sine", "square", "impulse", "noise", "counting"])
def test_sizes_below_one_are_errors(name, field, fix):
    with _raises(f"{field} must be at least 1, got 0; .*{fix}") as excinfo:
        make_preset(name, **{field: 0})
    _one_line(excinfo)


@pytest.mark.parametrize("value", [2.5, "3", True, None])
def test_sizes_must_be_whole_numbers(value):
    with _raises("length must be a whole number"):
        sine(length=value)


def test_numpy_integers_are_accepted_as_sizes():
    assert sine(length=np.int64(4), input_size=np.int32(2)).values.shape == (4, 1, 2)


def test_absurd_sizes_are_refused_before_allocating():
    with _raises("100,000,000 values") as excinfo:
        make_preset("noise", length=100_000, batch=10, input_size=100)
    _one_line(excinfo)
    with _raises("more than the 50,000,000 allowed"):
        counting(length=50_000_001)


@pytest.mark.parametrize("field", ["amplitude", "frequency"])
@pytest.mark.parametrize("value", [math.nan, math.inf, "1"])
def test_amplitude_and_frequency_must_be_finite_numbers(field, value):
    with _raises(f"{field} must be a finite number"):
        make_preset("sine", **{field: value})


def test_unknown_preset_lists_the_choices():
    with _raises("unknown preset 'saw'; choose one of sine, square, impulse") as excinfo:
        make_preset("saw")
    _one_line(excinfo)


# ---------------------------------------------------------------- text


def test_vocabulary_is_sorted_unique_characters():
    assert vocabulary("hello") == "ehlo"
    assert vocabulary("") == ""


def test_text_one_hot_round_trips_through_vocab():
    seq = text_one_hot("hello world")
    assert seq.vocab == " dehlorw"
    assert seq.text == "hello world"
    assert seq.values.shape == (11, 1, 8)
    assert np.array_equal(seq.values.sum(axis=2), np.ones((11, 1)))
    assert "".join(seq.vocab[k] for k in seq.values[:, 0].argmax(axis=1)) == "hello world"
    assert seq.name == "text"


def test_text_one_hot_with_a_given_vocab():
    seq = text_one_hot("aba", vocab="cab")
    assert seq.values.shape == (3, 1, 3)
    assert list(seq.values[:, 0].argmax(axis=1)) == [1, 2, 1]
    assert seq.values[:, 0, 0].sum() == 0  # 'c' never appears


def test_text_characters_missing_from_vocab_are_named():
    with _raises(r"characters 'xz' that are not in the vocabulary 'ab'") as excinfo:
        text_one_hot("axbz", vocab="ab")
    _one_line(excinfo)


def test_text_errors():
    with _raises("the text is empty"):
        text_one_hot("")
    with _raises("vocabulary is empty"):
        text_one_hot("a", vocab="")
    with _raises("repeats characters"):
        text_one_hot("a", vocab="aa")


def test_text_preset_ignores_input_size_and_batch():
    seq = make_preset("text", text="abcab", input_size=9, batch=4, length=2)
    assert seq.values.shape == (5, 1, 3)
    assert make_preset("text", text="ab", vocab="abc").features == 3


def test_text_preset_needs_text():
    with _raises("needs some text") as excinfo:
        make_preset("text")
    _one_line(excinfo)


# ---------------------------------------------------------------- CSV


def _write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(content, encoding=encoding)
    return path


def test_csv_without_header(tmp_path):
    seq = load_csv(_write(tmp_path, "data.csv", "1,2,3\n4,5,6\n-7.5,1e-3,0\n"))
    assert seq.values.shape == (3, 1, 3)
    assert seq.values[:, 0].tolist() == [[1, 2, 3], [4, 5, 6], [-7.5, 0.001, 0]]
    assert seq.columns is None
    assert seq.name == "data.csv"


def test_csv_with_header_and_trailing_blank_lines(tmp_path):
    seq = load_csv(_write(tmp_path, "h.csv", "x, y\n1, 2\n3, 4\n\n  \n"))
    assert seq.columns == ("x", "y")
    assert seq.values[:, 0].tolist() == [[1, 2], [3, 4]]


def test_csv_header_with_an_empty_name_gets_a_default(tmp_path):
    seq = load_csv(_write(tmp_path, "h.csv", ",speed\n0,1\n"))
    assert seq.columns == ("column 1", "speed")


@pytest.mark.parametrize("sep", [";", "\t", " "])
def test_csv_other_separators(tmp_path, sep):
    seq = load_csv(_write(tmp_path, "d.txt", f"a{sep}b\n1{sep}2\n3{sep}4\n"))
    assert seq.columns == ("a", "b")
    assert seq.values[:, 0].tolist() == [[1, 2], [3, 4]]


def test_csv_single_column_crlf_and_bom(tmp_path):
    path = tmp_path / "one.csv"
    path.write_bytes("\ufeff0.5\r\n1.5\r\n".encode())
    assert load_csv(path).values.tolist() == [[[0.5]], [[1.5]]]


def test_csv_tsv_via_load_sequence(tmp_path):
    seq = load_sequence(_write(tmp_path, "d.TSV", "1\t2\n3\t4\n"))
    assert seq.values.shape == (2, 1, 2)


@pytest.mark.parametrize("content", ["", "\n\n", "   \n"])
def test_csv_empty_file(tmp_path, content):
    with _raises("empty.csv has no data rows; put one time step per row") as excinfo:
        load_csv(_write(tmp_path, "empty.csv", content))
    _one_line(excinfo)


def test_csv_header_only(tmp_path):
    with _raises("h.csv has a header but no data rows"):
        load_csv(_write(tmp_path, "h.csv", "a,b\n"))


def test_csv_ragged_rows(tmp_path):
    content = "a,b,c\n1,2,3\n" + "1,2,3\n" * 4 + "1,2\n"
    with _raises("r.csv: line 7 has 2 values but line 1 has 3; every row needs the same "
                 "number of columns") as excinfo:
        load_csv(_write(tmp_path, "r.csv", content))
    _one_line(excinfo)
    with _raises("line 3 has 1 values but line 1 has 2"):
        load_csv(_write(tmp_path, "r.csv", "1,2\n3,4\n5\n"))


def test_csv_non_numeric_cell(tmp_path):
    with _raises(r"n.csv: line 4, column 2: 'abc' is not a number") as excinfo:
        load_csv(_write(tmp_path, "n.csv", "x,y\n1,2\n3,4\n5,abc\n"))
    _one_line(excinfo)


def test_csv_decimal_comma_hint(tmp_path):
    with _raises("'3,5' is not a number; use a decimal point"):
        load_csv(_write(tmp_path, "e.csv", "a;b\n1;2\n3,5;4\n"))


def test_csv_empty_cell(tmp_path):
    with _raises("line 2, column 2 is empty; fill or drop missing values"):
        load_csv(_write(tmp_path, "e.csv", "1,2\n3,\n"))


@pytest.mark.parametrize("cell, shown", [("nan", "nan"), ("NaN", "nan"), ("inf", "inf"),
                                         ("-inf", "-inf")])
def test_csv_nan_and_inf(tmp_path, cell, shown):
    content = "1\n2\n3\n4\n" + cell + "\n"
    with _raises(f"f.csv: line 5, column 1 is {shown}; ") as excinfo:
        load_csv(_write(tmp_path, "f.csv", content))
    _one_line(excinfo)


def test_csv_blank_line_inside_the_data(tmp_path):
    with _raises("line 2 is blank"):
        load_csv(_write(tmp_path, "b.csv", "1\n\n2\n"))


def test_csv_missing_file_names_the_path(tmp_path):
    path = tmp_path / "nope.csv"
    with _raises("cannot read .*nope.csv.*check the path") as excinfo:
        load_csv(path)
    _one_line(excinfo)
    with _raises("cannot read"):
        load_csv(tmp_path)  # a folder


def test_csv_not_utf8(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("temp\u00e9\n1\n".encode("latin-1"))
    with _raises("latin.csv is not UTF-8 text .*save it as UTF-8") as excinfo:
        load_csv(path)
    _one_line(excinfo)


# ---------------------------------------------------------------- .npy


@pytest.mark.parametrize("shape, expected", [((5,), (5, 1, 1)), ((5, 3), (5, 1, 3)),
                                             ((5, 2, 3), (5, 2, 3))])
def test_npy_shapes(tmp_path, shape, expected):
    array = np.arange(math.prod(shape), dtype=np.float32).reshape(shape)
    np.save(tmp_path / "a.npy", array)
    seq = load_npy(tmp_path / "a.npy")
    assert seq.values.shape == expected
    assert seq.values.dtype == np.float64
    assert np.array_equal(seq.values.reshape(-1), array.reshape(-1))
    assert seq.name == "a.npy"


def test_npy_batch_first(tmp_path):
    array = np.random.default_rng(0).standard_normal((2, 5, 3))  # (B, T, I)
    np.save(tmp_path / "a.npy", array)
    seq = load_sequence(tmp_path / "a.npy", batch_first=True)
    assert seq.values.shape == (5, 2, 3)
    assert np.array_equal(seq.values[:, 1], array[1])
    # batch_first means nothing without a batch axis.
    np.save(tmp_path / "b.npy", np.zeros((4, 3)))
    assert load_npy(tmp_path / "b.npy", batch_first=True).values.shape == (4, 1, 3)


def test_npy_ints_and_bools_are_cast(tmp_path):
    np.save(tmp_path / "i.npy", np.array([1, 2, 3], dtype=np.int16))
    np.save(tmp_path / "b.npy", np.array([True, False]))
    assert load_npy(tmp_path / "i.npy").values.ravel().tolist() == [1.0, 2.0, 3.0]
    assert load_npy(tmp_path / "b.npy").values.ravel().tolist() == [1.0, 0.0]


def test_npy_object_array_is_a_clear_error(tmp_path):
    np.save(tmp_path / "o.npy", np.array([1, "a", None], dtype=object), allow_pickle=True)
    with _raises("o.npy is not a plain numeric .npy array") as excinfo:
        load_npy(tmp_path / "o.npy")
    _one_line(excinfo)


@pytest.mark.parametrize("content", [b"", b"not an array at all", pickle.dumps([1, 2])])
def test_npy_garbage_files_are_clear_errors(tmp_path, content):
    (tmp_path / "g.npy").write_bytes(content)
    with _raises("g.npy is not a plain numeric .npy array") as excinfo:
        load_npy(tmp_path / "g.npy")
    _one_line(excinfo)


def test_npy_that_is_really_an_npz(tmp_path):
    with open(tmp_path / "z.npy", "wb") as f:
        np.savez(f, a=np.zeros(3))
    with _raises("z.npy is an .npz archive"):
        load_npy(tmp_path / "z.npy")


@pytest.mark.parametrize("array", [np.array(["a", "b"]), np.array([1 + 2j]),
                                   np.zeros(2, dtype=[("x", "f8")])])
def test_npy_non_numeric_dtype(tmp_path, array):
    np.save(tmp_path / "s.npy", array)
    with _raises("s.npy holds .* values; save real numbers") as excinfo:
        load_npy(tmp_path / "s.npy")
    _one_line(excinfo)


@pytest.mark.parametrize("shape", [(), (2, 2, 2, 2)])
def test_npy_wrong_ndim(tmp_path, shape):
    np.save(tmp_path / "d.npy", np.zeros(shape))
    with _raises(r"use \(T,\), \(T, I\) or \(T, B, I\)") as excinfo:
        load_npy(tmp_path / "d.npy")
    _one_line(excinfo)


@pytest.mark.parametrize("shape", [(0,), (0, 3), (4, 0), (3, 0, 2)])
def test_npy_empty(tmp_path, shape):
    np.save(tmp_path / "e.npy", np.zeros(shape))
    with _raises("empty axis"):
        load_npy(tmp_path / "e.npy")


def test_npy_nan_or_inf_names_the_first_bad_index(tmp_path):
    array = np.zeros((4, 2, 3))
    array[2, 1, 0] = np.inf
    array[3, 0, 0] = np.nan
    np.save(tmp_path / "n.npy", array)
    with _raises(r"n.npy: value at index \[2, 1, 0\] is inf") as excinfo:
        load_npy(tmp_path / "n.npy")
    _one_line(excinfo)


def test_npy_missing_file_names_the_path(tmp_path):
    with _raises("cannot read .*missing.npy"):
        load_npy(tmp_path / "missing.npy")


# ---------------------------------------------------------------- dispatch and fitting


def test_load_sequence_dispatches_on_suffix(tmp_path):
    assert load_sequence(_write(tmp_path, "a.CSV", "1\n2\n")).length == 2
    assert load_sequence(str(_write(tmp_path, "a.txt", "1 2\n"))).features == 2
    np.save(tmp_path / "a.npy", np.zeros(3))
    assert load_sequence(tmp_path / "a.npy").length == 3


@pytest.mark.parametrize("name, shown", [("data.json", "'.json'"), ("data", "(no suffix)")])
def test_load_sequence_unknown_suffix(tmp_path, name, shown):
    with _raises(re.escape(f"unknown file type {shown}; use .csv, .txt or .tsv")) as excinfo:
        load_sequence(tmp_path / name)
    _one_line(excinfo)


def test_fit_features():
    seq = sine(input_size=3)
    assert fit_features(seq, 3) is seq
    with _raises("sine has 3 features per step but the network's input_size is 2; "
                 "set input_size to 3") as excinfo:
        fit_features(seq, 2)
    _one_line(excinfo)
    with _raises("text is one-hot over 2 characters"):
        fit_features(text_one_hot("ab"), 5)
    # a model file's input size is fixed: the fix named is one the user can follow
    with _raises("the model's input_size is 2; give an input with 2 columns") as excinfo:
        fit_features(seq, 2, from_model=True)
    assert "set input_size" not in str(excinfo.value)
    with _raises("give the model's own 5 characters in order with --vocab"):
        fit_features(text_one_hot("ab"), 5, from_model=True)
