"""The window's fields take what the CLI takes and refuse what it refuses, with its words.

A refused value stays in its field, marked, with the sentence `rnnviz trace` prints for
the same flag beside it; nothing is computed and nothing reverts until it is changed.
"""

from __future__ import annotations

import pytest
from gui_support import load

from rnnviz.cli import main
from rnnviz.core.errors import RnnvizError
from rnnviz.core.sequences import check_text_symbols
from rnnviz.gui.config import DEFAULT_VOCAB, Config
from rnnviz.gui.field_guard import is_refused

MEMORY = 8 << 30  # what "available" reads in these tests, so both sides say the same GiB
CLI_PREFIX = "rnnviz trace: error: "

# (panel, field, what is typed, the CLI's flags for the same value, the window's start)
REFUSED = [
    ("network", "hidden_size", "0", ["--hidden-size", "0"], {}),
    ("network", "hidden_size", "2000000", ["--hidden-size", "2000000"], {}),
    ("network", "hidden_size", "60000", ["--hidden-size", "60000"], {}),  # weights: no room
    ("network", "num_layers", "100000", ["--num-layers", "100000"], {}),
    ("network", "input_size", "0", ["--input-size", "0"], {}),
    ("network", "input_size", "-3", ["--input-size", "-3"], {}),
    ("network", "proj_size", "9", ["--proj-size", "9"], {}),
    ("network", "output_size", "0", ["--head", "linear", "--output-size", "0"],
     {"head": "linear"}),
    ("input", "length", "100000000", ["--length", "100000000"], {}),
    ("input", "batch", "0", ["--batch", "0"], {}),
    ("input", "text", "Hello", ["--preset", "text", "--text", "Hello", "--vocab", DEFAULT_VOCAB],
     {"preset": "text", "text": "hello", "vocab": DEFAULT_VOCAB}),
]


@pytest.fixture
def fixed_memory(monkeypatch):
    monkeypatch.setattr("rnnviz.core.memory.available_memory_bytes", lambda: MEMORY)


def cli_line(argv, tmp_path, capsys) -> str:
    """The one line `rnnviz trace` prints for these flags, without its prefix."""
    assert main(["trace", *argv, "-o", str(tmp_path / "o.npz")]) == 2
    lines = [line for line in capsys.readouterr().err.splitlines()
             if not line.startswith("note")]
    assert len(lines) == 1 and lines[0].startswith(CLI_PREFIX), lines
    return lines[0][len(CLI_PREFIX):]


def type_into(field, text: str) -> None:
    """Replace the field's text as a user would (all at once: no value on the way)."""
    editor = field.lineEdit() if hasattr(field, "lineEdit") else field
    editor.setText(text)


@pytest.mark.parametrize("panel_name, name, typed, argv, start", REFUSED,
                         ids=[f"{r[1]}={r[2]}" for r in REFUSED])
def test_a_refused_field_says_what_the_cli_says_and_keeps_the_value(
        qtbot, window, tmp_path, capsys, fixed_memory, panel_name, name, typed, argv, start):
    expected = cli_line(argv, tmp_path, capsys)
    load(qtbot, window, Config(hidden_size=8, length=50, **start))
    panel = window.network_panel if panel_name == "network" else window.input_panel
    field, config = getattr(panel, name), window.sim.config
    type_into(field, typed)
    qtbot.wait(300)  # longer than the window waits before it applies an edit
    assert panel.problem.text() == expected and panel.problem.isVisibleTo(panel)
    assert field.toolTip() == expected and is_refused(field)
    assert field.text() == typed  # what was typed stays, marked
    assert window.sim.config == config and window.sim.requested == config  # not applied
    row, _ = panel.form.getWidgetPosition(field)  # the reason is right below the field
    assert panel.form.getWidgetPosition(panel.problem)[0] == row + 1


def test_a_refused_value_stays_while_other_edits_apply_and_goes_once_fixed(qtbot, window):
    load(qtbot, window, Config(hidden_size=8))
    panel = window.network_panel
    type_into(panel.hidden_size, "0")
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        panel.num_layers.setValue(2)  # applied, and the window shows its configuration
    assert window.sim.spec.num_layers == 2 and window.sim.spec.hidden_size == 8
    assert panel.hidden_size.text() == "0" and is_refused(panel.hidden_size)
    assert "hidden_size must be a whole number ≥ 1, got 0" in panel.problem.text()
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        type_into(panel.hidden_size, "5")
    assert window.sim.spec.hidden_size == 5 and not is_refused(panel.hidden_size)
    assert panel.problem.text() == "" and not panel.problem.isVisibleTo(panel)
    assert panel.hidden_size.toolTip().startswith("units per layer")


def test_typing_a_refused_number_does_not_leave_the_numbers_on_the_way_applied(
        qtbot, window, fixed_memory):
    """Key by key, 2000000 passes 2000 (a size that works): once the whole number is
    refused, the window keeps the network it showed, not a 2000-unit one."""
    load(qtbot, window, Config(hidden_size=8))
    field = window.network_panel.hidden_size
    field.lineEdit().setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "2000000")
    qtbot.wait(400)
    window.sim.wait(20_000)
    qtbot.wait(50)
    assert window.sim.spec.hidden_size == 8 and window.sim.requested.hidden_size == 8
    assert field.text() == "2000000" and is_refused(field)


def test_a_value_refused_because_of_another_field_goes_through_once_that_one_changes(
        qtbot, window):
    load(qtbot, window, Config(hidden_size=8))
    panel = window.network_panel
    type_into(panel.proj_size, "9")  # ≥ hidden_size
    qtbot.wait(300)
    assert is_refused(panel.proj_size) and window.sim.spec.proj_size == 0
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        type_into(panel.hidden_size, "12")
    qtbot.waitUntil(lambda: window.sim.spec.proj_size == 9, timeout=20_000)
    assert window.sim.spec.hidden_size == 12 and not is_refused(panel.proj_size)


def test_fields_take_sizes_beyond_the_old_ranges(qtbot, window):
    """The old boxes stopped at 4096 units and 16 layers; the CLI takes more."""
    load(qtbot, window, Config(hidden_size=8))
    panel = window.network_panel
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        type_into(panel.num_layers, "20")
    assert window.sim.spec.num_layers == 20 and panel.num_layers.text() == "20"
    assert panel.hidden_size.maximum() > 1 << 20  # typed: refused with the CLI's words


@pytest.mark.parametrize("name", ["input_size", "output_size"])
def test_auto_is_typed_shown_and_reached_with_the_arrows(qtbot, window, name):
    load(qtbot, window, Config(hidden_size=4, head="linear", preset="counting", length=6))
    panel = window.network_panel
    field = getattr(panel, name)
    assert field.text() == "auto"
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        type_into(field, "3")
    assert getattr(window.sim.config, name) == 3 and field.text() == "3"
    field.stepBy(-1)
    field.stepBy(-1)
    assert field.text() == "1" and field.stepEnabled()  # one more step down: auto
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        field.stepBy(-1)
    assert field.text() == "auto" and getattr(window.sim.config, name) is None
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        type_into(field, "2")
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        type_into(field, "AUTO")  # typed, in any case
    assert getattr(window.sim.config, name) is None and field.text() == "auto"
    field.lineEdit().setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "au")  # on the way to the word: not refused
    assert field.text() == "au" and not is_refused(field)
    assert field.validate("x1", 0) != field.validate("12", 0)


def test_arrows_never_step_into_a_refused_value(qtbot, window):
    load(qtbot, window, Config(hidden_size=8))
    field = window.network_panel.num_layers
    type_into(field, "100000")
    qtbot.wait(50)
    field.stepBy(1)  # from a refused value: back into what works
    assert field.value() == 512
    field.setValue(1)
    field.stepBy(-1)
    assert field.value() == 1


# ----- typed text and a model's fixed vocabulary ---------------------------------------------

def open_reverser(qtbot, window) -> None:
    from rnnviz.core.files.resource_files import resource

    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        window.open_model_file(str(resource("models/reverse.pt")))
    assert window.sim.config.vocab == "abcdefgh", window.last_error


def test_text_a_trained_model_cannot_read_is_kept_and_its_symbols_are_named(qtbot, window):
    open_reverser(qtbot, window)
    panel = window.input_panel
    panel.text.setFocus()
    panel.text.selectAll()
    qtbot.keyClicks(panel.text, "hello")  # "he" is readable, and applied as it was typed
    qtbot.waitUntil(lambda: window.sim.config.text == "he", timeout=30_000)  # computed
    message = panel.problem.text()
    with pytest.raises(RnnvizError) as shared:
        check_text_symbols("hello", "abcdefgh", fixed=True)
    assert message == str(shared.value)  # one sentence, from the core
    assert "'abcdefgh'" in message and "'lo'" in message and "add them" not in message
    assert panel.text.text() == "hello" and is_refused(panel.text)  # kept, though the
    assert window.sim.config.text == "he"  # window has shown "he" since
    row, _ = panel.form.getWidgetPosition(panel.text)
    assert panel.form.getWidgetPosition(panel.problem)[0] == row + 1
    assert panel.vocab_label.text().startswith("the model reads one-hot over 8 characters")
    assert not panel.tokens.isVisibleTo(panel)  # no second "text" field: it reads one-hot
    panel.show_state(window.sim.config, window.sim.input_sequence)  # the window repaints
    assert panel.text.text() == "hello"  # what was typed is not replaced
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        panel.text.setText("bead")
    assert window.sim.config.text == "bead" and not is_refused(panel.text)
    assert panel.problem.text() == ""


def test_a_new_networks_text_still_offers_to_grow_the_vocabulary():
    with pytest.raises(RnnvizError, match="add them to the vocabulary"):
        check_text_symbols("hello", "abc")
    check_text_symbols("cab", "abc", fixed=True)  # known symbols: nothing to say


def test_the_tokens_box_refuses_unknown_words_and_bad_ids_as_the_cli_does(
        qtbot, window, tmp_path, capsys):
    from rnnviz.core.files.resource_files import resource

    model, vocab = str(resource("models/wordlm.pt")), str(resource("models/wordlm.vocab.txt"))
    unknown = cli_line(["--model", model, "--vocab-file", vocab, "--text", "the qqzebra"],
                       tmp_path, capsys)
    bad_ids = cli_line(["--model", model, "--tokens", "1,x"], tmp_path, capsys)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        window.open_model_file(model)
    panel, box = window.input_panel, window.input_panel.tokens
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        box.set_vocabulary_file(vocab)
    config = window.sim.config
    box.text.setText("the qqzebra")
    box.text.editingFinished.emit()
    qtbot.wait(300)
    assert panel.problem.text() == unknown and is_refused(box.text)
    row, _ = panel.form.getWidgetPosition(box)  # below the tokens box
    assert panel.form.getWidgetPosition(panel.problem)[0] == row + 1
    panel.show_state(window.sim.config, window.sim.input_sequence)
    assert box.text.text() == "the qqzebra" and window.sim.config == config
    box.ids.setText("1,x")
    box.ids.editingFinished.emit()
    assert panel.problem.text() == bad_ids and is_refused(box.ids)  # one or the other
    assert not is_refused(box.text)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        box.text.setText("the cat")
        box.text.editingFinished.emit()
    assert window.sim.config.text == "the cat" and not is_refused(box.text)
    assert not is_refused(box.ids) and panel.problem.text() == ""
