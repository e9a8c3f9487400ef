"""The window in Simplified Chinese through Qt's own translation system.

Every `tr("...")` of rnnviz/gui has a finished translation in resources/i18n/rnnviz_zh_CN.ts,
the .qm the app loads is that .ts compiled, and the window built in Chinese shows no
English word outside what stays as it is (torch's names, gate letters, equations, units,
file formats). The catalogue is updated as i18n.py's docstring says.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "rnnviz" / "gui"
TS = ROOT / "resources" / "i18n" / "rnnviz_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "rnnviz_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
MNEMONIC = re.compile(r"&(?!&)\S")
TAG = re.compile(r"</?\w+[^>]*>")


# ----- the catalogue and the code ------------------------------------------------------------
def tr_calls() -> list[tuple[str, int, ast.Call]]:
    """(file, line, call) of every call of a plain name `tr` in rnnviz/gui."""
    calls = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "tr":
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def literal(call: ast.Call) -> str | None:
    """The text of `tr("...")`; None when the argument is not one string literal."""
    if len(call.args) == 1 and not call.keywords and isinstance(call.args[0], ast.Constant) \
            and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


# contexts besides tr()'s "": pyqtgraph's own texts (i18n._pyqtgraph_texts), and "core": the
# English messages of rnnviz.core and the CLI, as templates (rnnviz/gui/core_messages.py)
LIBRARY_CONTEXTS = {"GraphicsScene", "core"}


def catalogue() -> dict[str, tuple[str, str | None]]:
    """source -> (translation, its type: None when finished) of the .ts (every context:
    tr()'s "" and the libraries')."""
    entries = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        assert name == "" or name in LIBRARY_CONTEXTS, f"unexpected context {name!r}"
        for message in context.iter("message"):
            translation = message.find("translation")
            entries[message.findtext("source")] = (translation.text or "",
                                                   translation.get("type"))
    return entries


def test_tr_is_given_one_string_literal():
    """lupdate collects only literals: an f-string or a variable would never be translated
    (format after translating: tr("step {t}").format(t=t))."""
    bad = [f"{path}:{line}: tr({ast.unparse(call)[3:-1]})" for path, line, call in tr_calls()
           if literal(call) is None]
    assert not bad, "tr() of something lupdate cannot read:\n" + "\n".join(bad)


def test_every_text_of_the_window_has_a_finished_translation():
    entries = catalogue()
    missing = sorted({f"{path}:{line}: {text!r}" for path, line, call in tr_calls()
                      if (text := literal(call)) is not None
                      and (text not in entries or entries[text][1] is not None
                           or not entries[text][0])})
    assert not missing, ("texts without a finished translation (run pyside6-lupdate, "
                         "translate, pyside6-lrelease: see rnnviz/gui/i18n.py):\n"
                         + "\n".join(missing))


def test_every_entry_of_the_other_contexts_is_finished():
    """pyqtgraph's texts and core's messages ("core") have no tr() call to find them by:
    each of their entries must be translated."""
    missing = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        if name in LIBRARY_CONTEXTS:
            missing += [f"{name}: {message.findtext('source')!r}"
                        for message in context.iter("message")
                        if message.find("translation").get("type") is not None
                        or not message.find("translation").text]
    assert not missing, ("entries without a finished translation (translate them, then "
                         "pyside6-lrelease: see rnnviz/gui/i18n.py):\n" + "\n".join(missing))


def test_translations_keep_placeholders_mnemonics_and_tags():
    problems = []
    for source, (translation, kind) in catalogue().items():
        if kind is not None:
            continue  # unfinished: the test above names it
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation)):
            problems.append(f"placeholders: {source!r} -> {translation!r}")
        if bool(MNEMONIC.search(source)) != (len(MNEMONIC.findall(translation)) == 1):
            problems.append(f"one & mnemonic: {source!r} -> {translation!r}")
        if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
            problems.append(f"HTML tags: {source!r} -> {translation!r}")
    assert not problems, "\n".join(problems)


def lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")


def test_the_qm_is_the_ts_compiled(tmp_path):
    tool = lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=120)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "resources/i18n/rnnviz_zh_CN.qm is older than the .ts: run pyside6-lrelease "
        "resources/i18n/rnnviz_zh_CN.ts -qm resources/i18n/rnnviz_zh_CN.qm")


# ----- the window in Chinese ------------------------------------------------------------------
# What pass 1 leaves English: pass 2 translates these and empties the sets (then the whole
# window is checked).
# Menus (by their title as shown) whose own actions are not checked; their submenus made
# elsewhere and actions of other owners are checked all the same.
PENDING_MENUS: set[str] = set()
# rnnviz widgets (by class) whose texts are not checked yet: none (every view speaks
# Chinese; kept so a view being built can be listed while its texts are translated).
PENDING_OWNERS: set[str] = set()
# Dock titles, by the dock's object name (also shown by its DockTitle's label).
PENDING_DOCKS: set[str] = set()
# Texts of Qt's own widgets (QDialogButtonBox's standard buttons): Qt translates them from
# its own catalogue, qtbase_zh_CN.qm, which i18n.install_language loads too.
PENDING_QT_TEXTS: set[str] = set()

# Latin words that stay as they are in Chinese: names (torch, file formats, cells, keys),
# symbols of the equations, units.
ALLOWED = {
    # torch and its parameters, functions, modules
    "torch", "nn", "Embedding", "Linear", "ReLU", "relu", "tanh", "sigmoid", "softmax",
    "log", "state_dict", "eval", "hidden_size", "num_layers", "proj_size", "dropout",
    "PyTorch", "DecoderRNN", "embedding", "previous", "Adam", "adam", "sgd", "SGD",
    # cells and shapes
    "RNN", "LSTM", "GRU", "rnn", "lstm", "gru", "seq2seq", "SOS", "id", "MSE", "one", "hot",
    # devices
    "cpu", "cuda", "mps", "CPU", "CUDA", "GPU", "MPS",
    # files and formats
    "PNG", "SVG", "PDF", "GIF", "APNG", "WebP", "MP4", "NPZ", "CSV", "JSON", "Markdown",
    "txt", "json", "vocab", "pt", "npz", "csv", "png", "svg", "pdf", "rnnviz", "H",
    # keys
    "Ctrl", "Shift", "Esc", "Home", "End", "Left", "Right", "Space", "PageDown", "PageUp",
    # units
    "px", "ms", "s", "fps", "GiB", "MiB",
    # edit syntax (the command line's)
    "STEP", "VALUES", "PART", "UNITS", "VALUE", "FROM", "TO", "NAME", "INDEX", "FACTOR",
    "fwd", "bwd", "lL", "unk", "cat", "edit", "clamp", "set",
    # each language is named in itself in the language menu
    "English",
}


def latin_words(text: str) -> list[str]:
    """Words of Latin letters in `text` that are not names kept as they are."""
    text = TAG.sub(" ", text.replace("&&", "").replace("&", ""))
    words = re.findall(r"[A-Za-z][\w.]*\w|[A-Za-z]", text)
    # one letter is a symbol; a_b and a.b are names (h_t, weight_ih_l0, encoder.rnn)
    return [w for w in words if w not in ALLOWED and len(w) > 1
            and not re.fullmatch(r"\w+_\w*|\w+\.\w[\w.]*|l\d+|[a-z]\d+", w)]


def owner(obj) -> str | None:
    """The class of the nearest rnnviz object at or above `obj`."""
    while obj is not None:
        if type(obj).__module__.startswith("rnnviz."):
            return type(obj).__name__
        obj = obj.parent()
    return None


def widget_texts(widget) -> list[str]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QSpinBox,
    )

    texts = [widget.toolTip()]
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox) and not widget.isEditable():
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QSpinBox):
        texts += [widget.specialValueText(), widget.suffix()]
    return texts


def untranslated(window) -> list[str]:
    """Each text of the window's checked parts that still holds an English word."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget

    from rnnviz.gui.dock_title import DockTitle

    found = []

    def check(where: str, text: str) -> None:
        words = latin_words(text)
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")

    def walk(menu, path: str) -> None:
        pending = menu.title() in PENDING_MENUS
        if not pending:
            check(f"menu {path}", menu.title())
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} → {action.menu().title()}")
            elif not (pending and owner(action.parent()) in PENDING_OWNERS):
                for text in (action.text(), action.toolTip(), action.statusTip()):
                    check(f"action {path} → {action.text()}", text)

    for action in window.menuBar().actions():
        walk(action.menu(), action.menu().title())
    pending_docks = [d for d in window.findChildren(QDockWidget)
                     if d.objectName() in PENDING_DOCKS]
    for dock in window.findChildren(QDockWidget):
        if dock not in pending_docks:
            check(f"dock {dock.objectName()}", dock.windowTitle())
    dock_labels = {d.titleBarWidget().label for d in pending_docks
                   if isinstance(d.titleBarWidget(), DockTitle)}
    for action in window.findChildren(QAction):  # toolbars' and panels' own actions
        if owner(action.parent()) not in PENDING_OWNERS and action.text():
            for text in (action.text(), action.toolTip()):
                check(f"action {action.text()}", text)
    found += widgets_untranslated(window, skip=dock_labels)
    return sorted(set(found))


def widgets_untranslated(root, skip=()) -> list[str]:
    """The texts of `root` and the widgets in it (but those of PENDING_OWNERS) that still
    hold an English word."""
    from PySide6.QtWidgets import QWidget

    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget in skip or owner(widget) in PENDING_OWNERS:
            continue
        for text in widget_texts(widget) + [widget.windowTitle() if widget.isWindow()
                                             else ""]:
            if text in PENDING_QT_TEXTS:
                continue
            words = latin_words(text)
            if words:
                found.append(f"{owner(widget)} {type(widget).__name__}: {text!r} "
                             f"({', '.join(words)})")
    return found


def test_the_window_speaks_chinese(chinese_window):
    from rnnviz.gui.i18n import language, tr

    assert language() == "zh_CN" and tr("&Export") == "导出(&E)"
    left = untranslated(chinese_window)
    assert not left, "English left in the Chinese window:\n" + "\n".join(left)


def test_side_by_side_speaks_chinese(qtbot, chinese_window):
    from rnnviz.gui.side_by_side import SideBySide

    side = SideBySide(chinese_window.sim)
    qtbot.addWidget(side)
    for choice in ("the original (no edits)", "GRU", "its untrained start"):
        side.choose(choice)  # refused, except GRU: each says why in Chinese
        side.other.wait(10_000)
        left = widgets_untranslated(side)
        assert not left, f"{choice}: English left:\n" + "\n".join(left)
    side.close()


@pytest.fixture
def chinese(qapp):
    from rnnviz.gui.i18n import install_language

    assert install_language("zh_CN") == "zh_CN"
    yield
    install_language("en")


def test_the_dialogs_speak_chinese(qtbot, chinese):
    import numpy as np

    from rnnviz.core.spec import NetworkSpec
    from rnnviz.gui.panels.animation_dialog import AnimationDialog
    from rnnviz.gui.panels.edit_dialog import EditDialog
    from rnnviz.gui.panels.figure_dialog import FigureDialog
    from rnnviz.gui.panels.initial_state_dialog import InitialStateDialog

    sizes = {"graph": (540, 560), "cell": (560, 330)}.get
    spec = NetworkSpec(cell="lstm", input_size=1, hidden_size=3, num_layers=2,
                       bidirectional=True)
    dialogs = [FigureDialog(["graph", "cell"], sizes, panel="cell"),
               AnimationDialog(24, ["window", "graph", "cell"], lambda p: (600, 400),
                               panel="graph", missing={}),
               InitialStateDialog(spec, np.zeros((4, 3)), np.zeros((4, 3))),
               *(EditDialog(None, None, kind, text) for kind, text in
                 (("edit-x", ""), ("clamp", "f=1@3:"), ("set", "weight_hh_l0[0,0]=0")))]
    left = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        left += widgets_untranslated(dialog)
    assert not left, "English left:\n" + "\n".join(left)
    figure = dialogs[0]
    assert figure.panel.currentText() == "单元" and figure.choice().panel == "cell"
    assert figure.pixels.text() == "PNG，560×330 像素"


def test_english_is_back_after_the_chinese_window(qapp):
    from rnnviz.gui.i18n import install_language, language, tr

    assert install_language("en") == "en" and language() == "en"
    assert tr("&Export") == "&Export"  # an untranslated text is itself, byte for byte


def test_the_latin_word_filter():
    assert latin_words("导出(&E)") == []
    assert latin_words("在 state_dict 中：weight_ih_l0, bias_hh_l1_reverse") == []
    assert latin_words("f_t[3] = σ(W_if_l0[3]·x_t)；PNG (*.png)") == []
    assert latin_words("例如 encoder.rnn，nn.Embedding") == []
    assert latin_words("saved {path}") == ["saved", "path"]
