"""rnnviz.core's and the CLI's English messages in the Chinese window, through Qt's
translation system.

The templates of every RnnvizError message (rnnviz/gui/core_messages.py) are generated from
the code and translated in the catalogue's context "core"; rnnviz.gui.core_text matches a
message shown in the window against them and writes it again in Chinese, its values (file
names, numbers, torch's names) as they were. In English nothing changes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from rnnviz.core.errors import RnnvizError
from rnnviz.gui import core_messages
from rnnviz.gui import core_messages_build as build

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "rnnviz_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{(\d+)\}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# what stays as it is in a translation: flags, torch's and rnnviz's names, file suffixes
KEPT = re.compile(r"--[a-z][\w-]*|\b[a-z]\w*_\w+\b|\b(?!e\.g\b)\w+\.\w+\b|\.[a-z]{2,}\b")


def core_catalogue() -> dict[str, tuple[str, str | None]]:
    """source -> (translation, its type: None when finished) of the context "core"."""
    entries = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == build.CONTEXT:
            for message in context.iter("message"):
                translation = message.find("translation")
                entries[message.findtext("source")] = (translation.text or "",
                                                       translation.get("type"))
    return entries


def fill(template: str, values: dict[int, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values[int(m.group(1))], template)


@pytest.fixture
def chinese(qapp):
    from rnnviz.gui.i18n import install_language

    assert install_language("zh_CN") == "zh_CN"
    yield
    install_language("en")


def error_of(call, *args) -> str:
    with pytest.raises(RnnvizError) as caught:
        call(*args)
    return str(caught.value)


# ----- the generated templates and their translations --------------------------------------
def test_the_generated_module_is_up_to_date():
    templates, fragments = build.collect(), build.collect_fragments()
    hint = "run: python -m rnnviz.gui.core_messages_build (then lupdate, translate, lrelease)"
    assert tuple(templates) == core_messages.TEMPLATES, hint
    assert tuple(fragments) == core_messages.FRAGMENTS, hint
    assert build.OUTPUT.read_text(encoding="utf-8") == build.render(templates, fragments), hint
    assert len(templates) > 250  # every message of core and the CLI, not a few


def test_the_templates_are_the_messages_of_the_code():
    texts = build.templates_of
    import ast

    assert texts(ast.parse('f"a {x!r} b {y:,} c {{d}}"', mode="eval").body) == \
        ["a {0} b {1} c {d}"]
    assert texts(ast.parse('"one " "two"', mode="eval").body) == ["one two"]
    assert texts(ast.parse("f\"{n} step{'' if n == 1 else 's'}\"", mode="eval").body) == \
        ["{0} step", "{0} steps"]
    assert texts(ast.parse("message", mode="eval").body) == []
    templates = core_messages.TEMPLATES
    assert "hidden_size must be a whole number ≥ 1, got {0}" not in templates  # a helper's:
    assert "{0} must be a whole number ≥ 1, got {1}; {2}" in templates  # its name is a value
    assert "it is the number of units per layer" in core_messages.FRAGMENTS  # translated too
    assert "auto" not in core_messages.FRAGMENTS  # quoted ({request!r}): a name, kept


def test_every_template_has_a_finished_translation_with_its_placeholders():
    entries = core_catalogue()
    problems = []
    for source in core_messages.TEMPLATES + core_messages.FRAGMENTS:
        translation, kind = entries.get(source, ("", "missing"))
        if kind is not None or not translation:
            problems.append(f"not translated: {source!r}")
        elif Counter(PLACEHOLDER.findall(translation)) != Counter(PLACEHOLDER.findall(source)):
            problems.append(f"placeholders: {source!r} -> {translation!r}")
        elif not set(KEPT.findall(source)) <= set(KEPT.findall(translation)):
            problems.append(f"names/flags changed: {source!r} -> {translation!r} "
                            f"({set(KEPT.findall(source)) - set(KEPT.findall(translation))})")
        elif not CHINESE.search(translation):
            problems.append(f"not Chinese: {source!r} -> {translation!r}")
    extra = set(entries) - set(core_messages.TEMPLATES + core_messages.FRAGMENTS)
    problems += [f"obsolete: {source!r}" for source in sorted(extra)]
    assert not problems, "\n".join(problems)


def test_every_template_is_found_again_in_chinese(chinese):
    """Each message, its values filled in, comes back Chinese with its values."""
    from rnnviz.gui.core_text import translate_message

    wrong = []
    for template in core_messages.TEMPLATES:
        values = {int(n): f"v{n}x" for n in PLACEHOLDER.findall(template)}
        shown = translate_message(fill(template, values))
        if not CHINESE.search(shown) or any(v not in shown for v in values.values()):
            wrong.append(f"{template!r} -> {shown!r}")
    assert not wrong, "\n".join(wrong)


# ----- real errors, in Chinese -------------------------------------------------------------
def test_real_errors_in_chinese(chinese, tmp_path):
    from rnnviz.core.sequences import load_sequence
    from rnnviz.gui.config import Config
    from rnnviz.gui.core_text import translate_message
    from rnnviz.gui.stage import parse_views
    from rnnviz.gui.validation import check_config

    size = check_config(Config(hidden_size=0))
    assert size == ("hidden_size must be a whole number ≥ 1, got 0; it is the number of units "
                    "per layer")  # core's English: the window translates where it shows it
    assert translate_message(size) == "hidden_size 必须是 ≥ 1 的整数，实际为 0；它是每层的单元数"

    csv = tmp_path / "wave.csv"
    csv.write_text("1,2\n3,x\n", encoding="utf-8")
    message = error_of(load_sequence, csv)
    assert message == "wave.csv: line 2, column 2: 'x' is not a number; write it like -0.5"
    assert translate_message(message) == \
        "wave.csv：第 2 行，第 2 列：'x' 不是数字；请写成 -0.5 这样的形式"

    stage = error_of(parse_views, "graph,nope")
    shown = translate_message(stage)
    assert shown == ("--stage 'graph,nope'：请给出 graph, cell, equations, states, output, "
                     "gradients, training 中的一个或两个，用逗号分隔（例如 graph,cell）")

    # several messages a line each, a window text before one, and a line of no message
    from rnnviz.gui.i18n import tr

    scene = tr("Scene {n} cannot be shown: {why}").format(n=2, why=size)
    assert scene.startswith("场景 2") and "hidden_size must be" in scene  # tr leaves core's
    both = translate_message("\n".join([scene, stage, "a line of no message"]))
    lines = both.split("\n")
    assert lines[0] == "场景 2 无法显示：hidden_size 必须是 ≥ 1 的整数，实际为 0；它是每层的单元数"
    assert lines[1] == shown and lines[2] == "a line of no message"


def test_values_are_never_translated(chinese):
    from rnnviz.gui.core_text import translate_message

    # a file named like a fragment stays a file name where a file name goes
    message = "unknown cell 'it is the number of units per layer'; choose one of rnn, lstm, gru"
    assert translate_message(message) == \
        "未知单元 'it is the number of units per layer'；请选择 rnn, lstm, gru 之一"
    message = "model file /tmp/a {0} b.pt does not exist; check the path"
    assert translate_message(message) == "模型文件 /tmp/a {0} b.pt 不存在；请检查路径"


def test_english_is_unchanged(qapp, tmp_path):
    from rnnviz.gui.config import Config
    from rnnviz.gui.core_text import translate_message
    from rnnviz.gui.i18n import install_language, language
    from rnnviz.gui.validation import check_config

    assert install_language("en") == "en" and language() == "en"
    for message in (check_config(Config(hidden_size=0)), "proj_size must be ≥ 0, got -1",
                    "a\nunknown cell 'x'; choose one of rnn\n", ""):
        assert translate_message(message) is message


# ----- the Chinese window ----------------------------------------------------------------
def test_report_error_speaks_chinese(qtbot, chinese_window):
    from PySide6.QtWidgets import QMessageBox

    from rnnviz.core.spec import NetworkSpec

    win = chinese_window
    message = error_of(lambda: NetworkSpec(cell="lstm", input_size=1, hidden_size=8,
                                           num_layers=1, proj_size=-1))
    assert message == "proj_size must be ≥ 0, got -1"
    win.report_error(message)
    assert win.last_error == message  # what happened, as the CLI says it
    assert win.statusBar().currentMessage() == "proj_size 必须 ≥ 0，实际为 -1"
    boxes = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and boxes[-1].text() == "proj_size 必须 ≥ 0，实际为 -1"
    assert win.network_panel.problem.text() == "proj_size 必须 ≥ 0，实际为 -1"
    for box in boxes:
        box.close()


def test_a_refused_field_speaks_chinese(qtbot, chinese_window):
    from rnnviz.gui.field_guard import is_refused

    panel = chinese_window.network_panel
    panel.hidden_size.lineEdit().setText("0")
    qtbot.wait(300)  # longer than the window waits before it applies an edit
    expected = "hidden_size 必须是 ≥ 1 的整数，实际为 0；它是每层的单元数"
    assert is_refused(panel.hidden_size)
    assert panel.problem.text() == expected and panel.hidden_size.toolTip() == expected
