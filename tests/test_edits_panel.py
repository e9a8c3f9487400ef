"""The window's "What if?" (issue 15): the edit dialog checks as typed, the Edits panel
switches, removes, undoes and redoes edits, and an undone edit gives back the run before
it bit for bit; the command line's edits and the panel's give the same run."""

import numpy as np
import pytest
from gui_support import load
from PySide6.QtGui import QAction, QColor, QFont, QPalette

from rnnviz.core.errors import RnnvizError
from rnnviz.gui.config import Config
from rnnviz.gui.panels.edit_dialog import EditDialog, check_line, suggest
from rnnviz.gui.panels.edits_panel import EditsPanel

CONFIG = Config(cell="lstm", hidden_size=8, length=40)
WAIT_MS = 30_000


def arrays(trace) -> dict[str, np.ndarray]:
    """Every array of a trace, copied."""
    out = {key: np.array(value, copy=True) for key, value in trace.parts.items()}
    out.update(x=np.array(trace.x), output=np.array(trace.output), h_n=np.array(trace.h_n))
    if trace.c_n is not None:
        out["c_n"] = np.array(trace.c_n)
    return out


def assert_same_run(trace, expected: dict[str, np.ndarray]) -> None:
    got = arrays(trace)
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert np.array_equal(got[key], value), key


def through_panel(qtbot, window, action) -> None:
    """Do `action` (a panel change) and wait for the run it asks for."""
    with qtbot.waitSignal(window.sim.trace_changed, timeout=WAIT_MS):
        action()
    assert window.last_error == "", window.last_error


def refusal(snapshot, kind, spec) -> str:
    with pytest.raises(RnnvizError) as caught:
        check_line(snapshot, kind, spec)
    return str(caught.value)


# ----- the dialog -----------------------------------------------------------------------------
def test_dialog_refuses_bad_edits_with_the_cores_sentence(qtbot, window):
    load(qtbot, window, CONFIG)
    snap = window.sim.snapshot
    dialog = EditDialog(window, snap, "clamp", "f[9]=1")
    qtbot.addWidget(dialog)
    cases = [("clamp", "f[9]=1", "unit 9 is outside 0..7"),
             ("clamp", "q=1", "has no part 'q'"),
             ("clamp", "l1.f=1", "no layer l1"),
             ("clamp", "f=1@40:", "not inside"),
             ("clamp", "f=one", "is not a number"),
             ("edit-x", "40=1", "outside 0..39"),
             ("edit-x", "5=1,2", "2 values for 1 features"),
             ("set", "weight_hh_l9[0,0]=0", "no parameter 'weight_hh_l9'"),
             ("set", "weight_hh_l0[99,0]=0", "index 99")]
    for kind, spec, words in cases:
        dialog = EditDialog(window, snap, kind, spec)
        qtbot.addWidget(dialog)
        assert not dialog.ok_button.isEnabled(), (kind, spec)
        assert words in dialog.message.text(), (kind, spec, dialog.message.text())
        assert dialog.message.text() == refusal(snap, kind, spec)
        assert dialog.message.palette().color(QPalette.WindowText) == QColor("#b2182b")
        dialog.accept()  # Enter while refused: nothing
        assert dialog.result() != EditDialog.Accepted


def test_dialog_accepts_good_edits_as_typed(qtbot, window):
    load(qtbot, window, CONFIG)
    dialog = EditDialog(window, window.sim.snapshot, "clamp", "f[9]=1")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.field.setText("")  # empty: refused with the syntax
    assert not dialog.ok_button.isEnabled() and "PART" in dialog.message.text()
    qtbot.keyClicks(dialog.field, "f[3]=1@12:")
    assert dialog.ok_button.isEnabled() and not dialog.message.isVisibleTo(dialog)
    assert dialog.line() == "clamp f[3]=1@12:"
    for kind, spec in (("edit-x", "5=0.7"), ("set", "weight_hh_l0[3,5]=0"),
                       ("set", "weight_hh_l0[:,2]*=0.5"), ("clamp", "c[0:4]=0@7")):
        dialog = EditDialog(window, window.sim.snapshot, kind, spec)
        qtbot.addWidget(dialog)
        assert dialog.ok_button.isEnabled(), (kind, spec, dialog.message.text())
        assert dialog.line() == f"{kind} {spec}"


def test_dialog_notes_a_gate_held_outside_its_range_but_allows_it(qtbot, window):
    load(qtbot, window, CONFIG)
    dialog = EditDialog(window, window.sim.snapshot, "clamp", "f=1.5@10:")
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    assert "outside [0, 1]" in dialog.message.text()
    assert dialog.message.palette().color(QPalette.WindowText) == QColor("#7a4b00")
    dialog.field.setText("g=2")
    assert dialog.ok_button.isEnabled() and "outside [-1, 1]" in dialog.message.text()
    dialog.field.setText("f=0.5")
    assert dialog.ok_button.isEnabled() and not dialog.message.isVisibleTo(dialog)


def test_dialog_knows_text_characters(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=4, preset="text", text="hello world",
                               vocab=" dehlorw"))
    snap = window.sim.snapshot
    assert check_line(snap, "edit-x", "0=w") == []
    assert "not one of the input's characters" in refusal(snap, "edit-x", "0=z")


def test_suggestions_are_valid_edits_at_the_cursor(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, num_layers=2, bidirectional=True,
                               length=30))
    window.sim.seek(12)
    window.sim.select(layer=1, direction="bwd", unit=4)
    for kind in ("edit-x", "clamp", "set"):
        text = suggest(window.sim, kind)
        check_line(window.sim.snapshot, kind, text)  # no refusal
    assert suggest(window.sim, "clamp").startswith("l1.bwd.f[4]=")
    assert suggest(window.sim, "clamp").endswith("@12:")
    assert suggest(window.sim, "set").startswith("weight_hh_l1_reverse[4,4]=")
    assert suggest(window.sim, "edit-x").startswith("12=")


# ----- the window: adding through the dialog, the panel's history ---------------------------
def test_ask_edit_adds_the_line_and_shows_the_edited_run(qtbot, window):
    load(qtbot, window, CONFIG)
    window.ask_edit("clamp", "f=1@10:")
    dialog = window.edit_dialog
    assert dialog is not None and dialog.field.text() == "f=1@10:"
    assert dialog.ok_button.isEnabled()
    through_panel(qtbot, window, dialog.ok_button.click)
    snap = window.sim.snapshot
    assert window.sim.config.edits == "clamp f=1@10:"
    assert snap.original is not None and snap.diverges_at == 10
    assert np.all(snap.trace.part(0, "fwd", "f")[10:] == 1)
    panel = window.edits_panel
    assert [row.check.text() for row in panel.rows] == ["clamp f=1@10:"]
    assert "differs from the original from t = 10" in panel.status.text()
    assert "ms" in panel.status.text()
    assert window.docks["edits"].isVisible()  # its tab was brought to the front
    assert window.edit_dialog is None
    window.ask_edit("edit-x")  # from the menu: the value at the cursor, prefilled
    assert window.edit_dialog.field.text().startswith(f"{window.sim.t}=")
    window.edit_dialog.reject()
    assert window.edit_dialog is None and window.sim.config.edits == "clamp f=1@10:"


def test_switch_remove_undo_redo_and_clear(qtbot, window):
    load(qtbot, window, CONFIG)
    before = arrays(window.sim.trace)
    panel = window.edits_panel
    assert panel.status.text() == "no edits" and not panel.can_undo()
    through_panel(qtbot, window, lambda: panel.add_edit("clamp f=1@10:"))
    one_edit = arrays(window.sim.trace)
    through_panel(qtbot, window, lambda: panel.add_edit("edit-x 5=0.7"))
    assert window.sim.config.edits == "clamp f=1@10:\nedit-x 5=0.7"
    assert window.sim.snapshot.diverges_at == 5
    two_edits = arrays(window.sim.trace)
    # switched off: the "#" prefix; both off, the original run
    through_panel(qtbot, window, lambda: panel.rows[0].check.setChecked(False))
    assert window.sim.config.edits == "# clamp f=1@10:\nedit-x 5=0.7"
    assert window.sim.snapshot.original is not None
    through_panel(qtbot, window, lambda: panel.rows[1].check.setChecked(False))
    assert window.sim.snapshot.original is None
    assert "no edits" in panel.status.text()
    assert_same_run(window.sim.trace, before)
    through_panel(qtbot, window, lambda: panel.rows[0].check.setChecked(True))
    through_panel(qtbot, window, lambda: panel.rows[1].check.setChecked(True))
    assert_same_run(window.sim.trace, two_edits)
    # removed
    through_panel(qtbot, window, lambda: panel.rows[1].remove.click())
    assert window.sim.config.edits == "clamp f=1@10:"
    assert_same_run(window.sim.trace, one_edit)
    # undo: each step back to the exact text and run before it
    through_panel(qtbot, window, panel.undo)
    assert window.sim.config.edits == "clamp f=1@10:\nedit-x 5=0.7"
    assert_same_run(window.sim.trace, two_edits)
    for _ in range(4):  # the four switches
        through_panel(qtbot, window, panel.undo)
    assert window.sim.config.edits == "clamp f=1@10:\nedit-x 5=0.7"
    through_panel(qtbot, window, panel.undo)
    assert window.sim.config.edits == "clamp f=1@10:"
    assert_same_run(window.sim.trace, one_edit)
    through_panel(qtbot, window, window.undo_edit_action.trigger)  # Edit → Undo edit
    assert window.sim.config.edits is None and window.sim.snapshot.original is None
    assert_same_run(window.sim.trace, before)
    assert not panel.can_undo() and not window.undo_edit_action.isEnabled()
    # redo
    through_panel(qtbot, window, window.redo_edit_action.trigger)
    assert window.sim.config.edits == "clamp f=1@10:"
    assert_same_run(window.sim.trace, one_edit)
    through_panel(qtbot, window, panel.redo)
    assert_same_run(window.sim.trace, two_edits)
    # clear all, and undo it
    through_panel(qtbot, window, panel.clear_button.click)
    assert window.sim.config.edits is None and panel.rows == []
    assert_same_run(window.sim.trace, before)
    assert not panel.can_redo()
    through_panel(qtbot, window, panel.undo)
    assert window.sim.config.edits == "clamp f=1@10:\nedit-x 5=0.7"
    assert_same_run(window.sim.trace, two_edits)


def test_a_refused_edit_leaves_the_run_and_the_history_as_they_were(qtbot, window):
    load(qtbot, window, CONFIG)
    panel = window.edits_panel
    through_panel(qtbot, window, lambda: panel.add_edit("clamp f=1@10:"))
    shown = arrays(window.sim.trace)
    with qtbot.waitSignal(window.sim.error, timeout=WAIT_MS):
        panel.add_edit("clamp f[99]=1")  # past the dialog's checks: the window refuses
    assert "unit 99" in window.last_error
    assert panel.text == "clamp f=1@10:" and len(panel.rows) == 1
    assert_same_run(window.sim.trace, shown)
    window.last_error = ""
    through_panel(qtbot, window, panel.undo)  # back to no edits, not to the refused text
    assert window.sim.config.edits is None and not panel.can_undo()


def test_command_line_and_panel_edits_give_the_same_run(qtbot, window):
    from rnnviz.cli.main import build_parser

    args = build_parser().parse_args(["gui", "--cell", "lstm", "--hidden-size", "8",
                                      "--length", "40", "--clamp", "f=1@10:",
                                      "--edit-x", "3=0.25"])
    launched = Config.from_args(args)
    assert launched.edits == "edit-x 3=0.25\nclamp f=1@10:"
    load(qtbot, window, launched)
    panel = window.edits_panel
    assert [row.check.text() for row in panel.rows] == ["edit-x 3=0.25", "clamp f=1@10:"]
    from_flags = arrays(window.sim.trace)
    load(qtbot, window, launched.with_(edits=None))
    assert panel.rows == []
    through_panel(qtbot, window, lambda: panel.add_edit("edit-x 3=0.25"))
    through_panel(qtbot, window, lambda: panel.add_edit("clamp f=1@10:"))
    assert window.sim.snapshot.diverges_at == 3
    assert_same_run(window.sim.trace, from_flags)


# ----- menus, keys, fonts -------------------------------------------------------------------
def test_edit_menu_and_keys_do_not_clash(qtbot, window):
    texts = {a.text().replace("&", ""): a for a in window.findChildren(QAction)}
    for name in ("Change an input…", "Clamp a part…", "Set a weight…", "Undo edit",
                 "Redo edit", "Clear edits"):
        assert name in texts, name
    assert texts["Undo edit"].shortcut().toString() == "Ctrl+Z"
    assert texts["Redo edit"].shortcut().toString() == "Ctrl+Shift+Z"
    keys = [a.shortcut().toString() for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_panel_follows_the_window_font(qtbot):
    from PySide6.QtWidgets import QLabel

    panel = EditsPanel()
    qtbot.addWidget(panel)
    panel.show_state("clamp f=1@10:\n# edit-x 5=0.7", None)
    big = QFont(panel.font())
    big.setPointSizeF(panel.font().pointSizeF() * 2)
    panel.setFont(big)
    panel.show()
    qtbot.waitExposed(panel)
    widgets = [panel.status, panel.add_button, panel.undo_button,
               *[row.check for row in panel.rows], *panel.findChildren(QLabel)]
    for widget in widgets:
        assert widget.fontInfo().pointSizeF() >= big.pointSizeF() - 0.5, widget
    assert [row.check.isChecked() for row in panel.rows] == [True, False]


def test_dialog_follows_the_window_font(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    big = QFont(parent.font())
    big.setPointSizeF(parent.font().pointSizeF() * 2)
    parent.setFont(big)
    dialog = EditDialog(parent, None, "clamp", "f[x]=1")  # refused: the message in red
    dialog.show()
    qtbot.waitExposed(dialog)
    for widget in (dialog.field, dialog.message, dialog.hint, dialog.ok_button):
        assert widget.fontInfo().pointSizeF() >= big.pointSizeF() - 0.5, widget
    assert dialog.message.font().bold() and not dialog.ok_button.isEnabled()
    dialog.reject()


def test_the_edits_dock_is_a_tab_beside_the_gradients_once_there_are_edits(qtbot, window):
    load(qtbot, window, CONFIG)
    dock = window.docks["edits"]
    assert not dock.isVisible()  # no edits: the layout as designed without it
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert dock.toggleViewAction() in view_menu.actions()
    through_panel(qtbot, window, lambda: window.edits_panel.add_edit("clamp f=1@10:"))
    assert dock.isVisible()
    assert dock in window.tabifiedDockWidgets(window.docks["gradients"])
    window.reset_layout()
    assert not dock.isVisible()
    dock.toggleViewAction().trigger()  # View → Edits: the tab again
    assert dock.isVisible() and dock in window.tabifiedDockWidgets(window.docks["gradients"])


def test_ctrl_z_undoes_an_edit_and_ctrl_shift_z_redoes_it(qtbot, window):
    from PySide6.QtCore import Qt

    load(qtbot, window, CONFIG)
    through_panel(qtbot, window, lambda: window.edits_panel.add_edit("clamp f=1@10:"))
    window.activateWindow()
    qtbot.waitActive(window)
    window.graph.setFocus()
    through_panel(qtbot, window, lambda: qtbot.keyClick(window.graph, Qt.Key_Z,
                                                        Qt.ControlModifier))
    assert window.sim.config.edits is None
    through_panel(qtbot, window, lambda: qtbot.keyClick(
        window.graph, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier))
    assert window.sim.config.edits == "clamp f=1@10:"
