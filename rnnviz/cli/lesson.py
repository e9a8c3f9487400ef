"""`rnnviz lesson`: a lesson's scenes exported headless, as a PDF (one page per scene) and
as a folder of PNG and SVG figures, in English or Chinese."""

from __future__ import annotations

from rnnviz.core.errors import RnnvizError


def add_lesson_args(parser) -> None:
    parser.add_argument("lesson", metavar="FILE.rnnviz",
                        help="a lesson (a workspace with scenes); 'bundled': the lesson that "
                        "ships with rnnviz")
    parser.add_argument("--pdf", metavar="FILE.pdf", help="one page per scene: the stage "
                        "and its caption, vector")
    parser.add_argument("--figures", metavar="FOLDER", help="a PNG and an SVG per scene")
    parser.add_argument("--lang", default="en", help="the captions' and the window's "
                        "language: en or zh_CN (default en)")
    parser.add_argument("--size", default="1920x1080", help="the stage's size in pixels "
                        "(default 1920x1080, a 1080p projector)")
    parser.add_argument("--force", action="store_true", help="replace an existing PDF")


def lesson_path(text: str) -> str:
    if text == "bundled":
        from rnnviz.core.files.resource_files import resource
        from rnnviz.gui.lesson_control import BUNDLED

        return str(resource(BUNDLED))
    return text


def cmd_lesson(args) -> int:
    import os

    from rnnviz.export import prepare_target
    from rnnviz.figure_size import check_figure_size, parse_size

    if not args.pdf and not args.figures:
        raise RnnvizError("say what to write: --pdf FILE.pdf and/or --figures FOLDER")
    if args.pdf:
        prepare_target(args.pdf, (".pdf",), args.force)
    size = parse_size(args.size)
    check_figure_size(*size, 1.0)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from rnnviz.gui.headless import _quiet_platform_notes

    _quiet_platform_notes()
    from rnnviz.gui.app import create_window
    from rnnviz.gui.i18n import parse_language

    lang = parse_language(args.lang)
    app, window = create_window(lang)  # the language before the window's texts are made
    window.persist = False
    window.warm_up_training = False
    window.resize(1400, 900)
    window.show()
    from rnnviz.core.files.workspace import open_workspace
    from rnnviz.gui.lesson_export import export_lesson
    from rnnviz.gui.workspace_io import workspace_cache

    path = lesson_path(args.lesson)
    workspace = open_workspace(path, workspace_cache())
    for note in workspace.notes:
        print(f"rnnviz lesson: note: {note}")
    if workspace.lesson is None or not workspace.lesson.playable():
        raise RnnvizError(f"{path} has no scene to export (a workspace without a lesson)")
    window.lessons.set_lesson(workspace.lesson, workspace.config)
    window.lessons.player.caption_language = lang
    written = export_lesson(window, window.lessons.player, pdf=args.pdf,
                            folder=args.figures, size=size)
    scenes = len(workspace.lesson.playable())
    print(f"wrote {len(written)} file(s) for {scenes} scene(s): "
          + ", ".join(str(p) for p in written[:3]) + (" …" if len(written) > 3 else ""))
    window.close()
    app.processEvents()
    return 0
