"""`rnnviz lesson`: a lesson's scenes to a PDF and figures, headless; bad requests refused
in one line with nothing written."""

from __future__ import annotations

import json

import pytest

from rnnviz.cli import main


def _lesson(tmp_path):
    path = tmp_path / "l.rnnviz"
    path.write_text(json.dumps({
        "format": "rnnviz-workspace", "version": 1,
        "config": {"cell": "gru", "hidden_size": 4, "length": 10},
        "lesson": {"scenes": [
            {"caption": {"en": "The update gate $z_t$.", "zh_CN": "更新门 $z_t$。"}},
            {"config": {"cell": "rnn"}, "cursor": {"position": 4}, "stage": ["cell"],
             "caption": "An Elman cell."}]}}))
    return path


def test_a_pdf_page_per_scene_in_the_language_asked(qtbot, tmp_path, capsys):
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "l.pdf"
    assert main(["lesson", str(_lesson(tmp_path)), "--pdf", str(out), "--lang", "zh_CN",
                 "--size", "960x540"]) == 0
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # a wide page, as the stage is
    text = " ".join(reader.pages[0].extract_text().split())
    assert "更新门" in text
    assert "An Elman cell" in " ".join(reader.pages[1].extract_text().split())  # English only
    assert "wrote 1 file(s) for 2 scene(s)" in capsys.readouterr().out


@pytest.mark.parametrize("args, words", [
    (["--lang", "fr"], "speaks"),
    ([], "say what to write"),
])
def test_bad_requests_are_refused(tmp_path, capsys, args, words):
    out = tmp_path / "x.pdf"
    extra = [] if words == "say what to write" else ["--pdf", str(out)]
    assert main(["lesson", str(_lesson(tmp_path)), *extra, *args]) == 2
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_a_workspace_without_scenes_is_refused(tmp_path, capsys):
    path = tmp_path / "w.rnnviz"
    path.write_text(json.dumps({"format": "rnnviz-workspace", "version": 1, "config": {}}))
    assert main(["lesson", str(path), "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "no scene" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
