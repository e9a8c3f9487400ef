"""Writes rnnviz/gui/core_messages.py: the templates of the English error messages of
rnnviz.core and rnnviz.cli (and the few others the command line shares with the window:
rnnviz.export, --stage, --lang, ...), so the window can show them in its language through
Qt's translation system.

Run after changing an `RnnvizError(...)` message or a `notes.append(...)` note anywhere in
rnnviz/:

    python -m rnnviz.gui.core_messages_build
    (then update the catalogue as rnnviz/gui/i18n.py's docstring says: the templates are
    in the context "core")

Each `RnnvizError(...)` whose argument is a string literal, an f-string or an implicit
concatenation of those (or a name its module assigns one to) becomes a template: its
literal text kept, each `{expression}` (format spec and conversion left out: the value is
captured as text) numbered `{0}`, `{1}`, ... in order. Messages built some other way are
not collected (they stay English), nor the window's own, which tr() translates where they
are made.

Fragments: the parts of a message's values that rnnviz's code writes as
literals or f-strings themselves, where a function's RnnvizError f-string shows a name:
a literal given for that parameter at a call (`_positive_int("hidden_size", value,
"it is the number of units per layer")`) or as its default, or assigned to that name in
the function (`where = f"{path.name}: line {number}, column {column}"`; and so on for the
names such an f-string shows). A value captured from a
message that is one of these (matched as templates are) is translated too. Only phrases
of two words or more are kept: a single word there is a name (hidden_size, h0, --clamp),
which stays as it is (but for a parameter's default of lowercase letters, `where="memory"`);
nor one with a value glued to a word.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "rnnviz"
FIRST = ("rnnviz/core", "rnnviz/cli")  # their messages first in the catalogue
OUTPUT = ROOT / "rnnviz" / "gui" / "core_messages.py"
CONTEXT = "core"
PLACEHOLDER = re.compile(r"\{\d+\}")


def templates_of(node: ast.expr) -> list[str]:
    """The templates of a message argument: none when it is not a literal or an f-string;
    two when a value chooses between two literals (`feature{'' if n == 1 else 's'}`: the
    singular and the plural, each a sentence to translate)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, ast.JoinedStr):
        return []
    texts, n = [""], 0
    for value in node.values:
        if isinstance(value, ast.Constant):
            texts = [text + str(value.value) for text in texts]
        elif isinstance(value.value, ast.IfExp) and value.format_spec is None and all(
                isinstance(b, ast.Constant) and isinstance(b.value, str)
                for b in (value.value.body, value.value.orelse)):
            texts = [text + branch.value for text in texts
                     for branch in (value.value.body, value.value.orelse)]
        else:  # ast.FormattedValue: the value, as text, whatever its spec
            texts = [text + f"{{{n}}}" for text in texts]
            n += 1
    return texts


def _trees(root: Path) -> list[ast.Module]:
    paths = sorted((root / PACKAGE).rglob("*.py"), key=lambda path: (
        next((i for i, folder in enumerate(FIRST) if path.is_relative_to(root / folder)),
             len(FIRST)), path))
    return [ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for path in paths if path != OUTPUT]


def _calls(tree: ast.AST) -> list[ast.Call]:
    """The calls in `tree`, in source order."""
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    return sorted(calls, key=lambda c: (c.lineno, c.col_offset))


def _is_error(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "RnnvizError" \
        and len(call.args) == 1 and not call.keywords


def _is_note(call: ast.Call) -> bool:
    """`notes.append(...)`: what was assumed or changed on the user's behalf, which the
    window shows too (the Network panel's notes, a lesson's or a workspace's notes)."""
    return isinstance(call.func, ast.Attribute) and call.func.attr == "append" \
        and isinstance(call.func.value, ast.Name) and "note" in call.func.value.id.lower() \
        and len(call.args) == 1 and not call.keywords


def _is_message(call: ast.Call) -> bool:
    return _is_error(call) or _is_note(call)


def collect(root: Path = ROOT) -> list[str]:
    """Every distinct template of rnnviz's messages, in file and line order (rnnviz/core
    and rnnviz/cli first)."""
    templates: list[str] = []
    for tree in _trees(root):
        constants = {target.id: node.value for node in tree.body
                     if isinstance(node, ast.Assign) for target in node.targets
                     if isinstance(target, ast.Name)}  # WEBP_MISSING = "..."
        for call in filter(_is_message, _calls(tree)):
            argument = call.args[0]
            if isinstance(argument, ast.Name):
                argument = constants.get(argument.id, argument)
            for text in templates_of(argument):
                if text.strip() and text not in templates:
                    templates.append(text)
    return templates


def _names_shown(node: ast.expr) -> set[str]:
    """The plain names an f-string (or either branch of a conditional) shows as values, but
    for those shown quoted (`{kind!r}`: what the user typed, or a name)."""
    if isinstance(node, ast.IfExp):
        return _names_shown(node.body) | _names_shown(node.orelse)
    if not isinstance(node, ast.JoinedStr):
        return set()
    return {value.value.id for value in node.values
            if isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Name)
            and value.conversion != ord("r")}  # {kind!r}: a quoted name, kept as it is


def _assignments(fn: ast.AST) -> list[ast.Assign]:
    return sorted((n for n in ast.walk(fn) if isinstance(n, ast.Assign)),
                  key=lambda n: (n.lineno, n.col_offset))


def _targets(node: ast.Assign) -> set[str]:
    return {t.id for t in node.targets if isinstance(t, ast.Name)}


def _shown(fn: ast.AST) -> set[str]:
    """The plain names the RnnvizError f-strings in `fn` show as values, directly or
    through an f-string assigned to a name they show (`label = f"{what} this network"`)."""
    shown: set[str] = set()
    for call in filter(_is_error, _calls(fn)):
        shown |= _names_shown(call.args[0])
    while True:
        more = set().union(*(_names_shown(n.value) for n in _assignments(fn)
                             if _targets(n) & shown)) - shown
        if not more:
            return shown
        shown |= more


def _functions(trees: list[ast.Module]) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [fn for tree in trees for fn in ast.walk(tree)
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _shown_parameters(trees: list[ast.Module]) -> dict[str, list[tuple[list[str], set[str]]]]:
    """function name -> (its parameters, those its RnnvizError f-strings show), per def."""
    found: dict[str, list[tuple[list[str], set[str]]]] = {}
    for fn in _functions(trees):
        names = [a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs]
        shown = _shown(fn) & set(names)
        if shown:
            found.setdefault(fn.name, []).append((names, shown))
    return found


def _is_phrase(text: str) -> bool:
    """Two words or more besides the values: words to translate, not a name; and no value
    glued to the end of a word (`x{2}`: an English ending, not translatable)."""
    words = [w for w in PLACEHOLDER.sub(" ", text).split() if re.search("[A-Za-z]", w)]
    return len(words) >= 2 and not re.search(r"[A-Za-z]\{\d+\}", text)


def collect_fragments(root: Path = ROOT) -> list[str]:
    """Every distinct phrase given as a literal for a parameter a message shows (at a call,
    or as its default), or assigned to a name a message shows (as templates: values
    numbered {0}, {1}, ...)."""
    trees = _trees(root)
    fragments: list[str] = []

    def keep(node: ast.expr, word: bool = False) -> None:
        if isinstance(node, ast.IfExp):  # either branch
            keep(node.body, word)
            keep(node.orelse, word)
            return
        for text in templates_of(node):
            if (_is_phrase(text) or word and text.isalpha() and text.islower()) \
                    and text not in fragments:
                fragments.append(text)

    shown = _shown_parameters(trees)
    for fn in _functions(trees):  # assigned, or a default, in the function that shows it
        names = _shown(fn)
        for node in _assignments(fn):
            if _targets(node) & names:
                keep(node.value)
        positional = fn.args.posonlyargs + fn.args.args
        defaults = list(zip(positional[len(positional) - len(fn.args.defaults):],
                            fn.args.defaults))
        defaults += [(a, d) for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults) if d]
        for arg, default in defaults:
            if arg.arg in names:
                keep(default, word=True)
    for tree in trees:  # given at a call for a parameter the message shows
        for call in _calls(tree):
            func = call.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else None
            for names, used in shown.get(name, []):
                skip = 1 if names[:1] in (["self"], ["cls"]) else 0
                for i, arg in enumerate(call.args):
                    if i + skip < len(names) and names[i + skip] in used:
                        keep(arg)
                for keyword in call.keywords:
                    if keyword.arg in used:
                        keep(keyword.value)
    return fragments


def quoted(text: str) -> str:
    """A double-quoted literal both Python and lupdate read as `text`."""
    return json.dumps(text, ensure_ascii=False)


def render(templates: list[str], fragments: list[str]) -> str:
    lines = [
        '"""GENERATED by rnnviz/gui/core_messages_build.py: do not edit by hand.',
        "",
        "The templates of the English error messages of rnnviz.core, rnnviz.cli and the",
        "others the command line shares ({0}, {1}, ... stand for the values), for",
        "rnnviz.gui.core_text.translate_message. Regenerate after changing a message:",
        "",
        "    python -m rnnviz.gui.core_messages_build",
        "",
        "then update the catalogue (context \"core\") as rnnviz/gui/i18n.py's docstring says.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        "from PySide6.QtCore import QCoreApplication",
        "",
        "",
        "def _core_texts() -> None:",
        '    """Never called: written so that lupdate puts the templates in the catalogue."""',
    ]
    lines += [f"    QCoreApplication.translate({quoted(CONTEXT)}, {quoted(t)})"
              for t in templates + fragments]
    lines += ["", "", "# the messages, values as {0}, {1}, ...", "TEMPLATES = ("]
    lines += [f"    {quoted(t)}," for t in templates]
    lines += [")", "", "# phrases a message may show as one of its values (values as {0}, ...)",
              "FRAGMENTS = ("]
    lines += [f"    {quoted(t)}," for t in fragments]
    lines += [")", ""]
    return "\n".join(lines)


def main() -> None:
    templates, fragments = collect(), collect_fragments()
    OUTPUT.write_text(render(templates, fragments), encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(templates)} templates, "
          f"{len(fragments)} fragments")


if __name__ == "__main__":
    main()
