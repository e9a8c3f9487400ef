"""The window's language: Qt's own translation system (QTranslator and .qm catalogues).

Every user-visible string of the window goes through `tr()`. It is a plain function named
`tr` so that `pyside6-lupdate` finds each call and collects its text into
`resources/i18n/rnnviz_<lang>.ts` (context ""); `pyside6-lrelease` compiles that to the
`.qm` the app loads. A text with values keeps them as `{names}` and is formatted after
translation, so a translator can move them: `tr("step {t} of {n}").format(t=t, n=n)`.

Equations, torch's names (`weight_ih_l0`, `h_n`) and numbers are never translated.

To update the catalogue after changing strings:

    pyside6-lupdate -locations none -no-obsolete $(find rnnviz/gui -name '*.py') \
        -ts resources/i18n/rnnviz_zh_CN.ts
    (translate the new entries: tests/test_i18n.py lists any left out)
    pyside6-lrelease resources/i18n/rnnviz_zh_CN.ts -qm resources/i18n/rnnviz_zh_CN.qm
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rnnviz.core.files.resource_files import resource

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []
_language = "en"


def tr(text: str) -> str:
    """`text` in the window's language (itself when there is no translation)."""
    return QCoreApplication.translate("", text)


def _pyqtgraph_texts() -> None:
    """pyqtgraph's own texts shown in the views, in pyqtgraph's contexts: never called,
    written here so that lupdate puts them in the catalogue."""
    QCoreApplication.translate("GraphicsScene", "Export...")


def language() -> str:
    """The language the window speaks now: a key of LANGUAGES."""
    return _language


def system_language() -> str:
    """The system locale's language when rnnviz speaks it, else English."""
    name = QLocale.system().name()  # "zh_CN", "en_US", ...
    if name in LANGUAGES:
        return name
    if name.startswith("zh"):
        return "zh_CN"  # the one Chinese catalogue there is
    return "en"


def parse_language(text: str) -> str:
    """--lang zh_CN / zh-CN / zh / en -> a key of LANGUAGES."""
    from rnnviz.core.errors import RnnvizError

    key = text.strip().replace("-", "_")
    for name in LANGUAGES:
        if key.lower() == name.lower() or key.lower() == name.split("_")[0].lower():
            return name
    raise RnnvizError(f"--lang {text!r}: rnnviz speaks {', '.join(LANGUAGES)}")


def install_language(name: str) -> str:
    """Load `name`'s catalogue into the application (English: none). Returns the language
    now in effect; a missing catalogue leaves English."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = "en"
    if name != "en":
        translator = QTranslator(app)
        if translator.load(str(resource(f"i18n/rnnviz_{name}.qm"))):
            app.installTranslator(translator)
            _installed.append(translator)
            _language = name
            # Qt's own texts (OK, Cancel, file dialogs) from the catalogue PySide6 ships
            qt = QTranslator(app)
            if qt.load(f"qtbase_{name}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
                app.installTranslator(qt)
                _installed.append(qt)
    return _language
