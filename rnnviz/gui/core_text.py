"""rnnviz.core's and rnnviz.cli's error messages in the window's language.

Those messages are English sentences shared with the command line (rnnviz.core never
imports Qt; rnnviz.export's and the few of rnnviz.gui the CLI prints too are English as
well). The window translates them where it shows them: each line is matched against
the messages' templates (rnnviz/gui/core_messages.py, generated from the code) and written
again from the template's translation (context "core" of the catalogue), its values put
back as they were: numbers, file names and torch's names are never translated (a value
that is one of the phrases core writes itself, a fragment such as "it is the number of
units per layer", is). A line no template matches is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from PySide6.QtCore import QCoreApplication

from rnnviz.gui.core_messages import FRAGMENTS, TEMPLATES
from rnnviz.gui.i18n import language

CONTEXT = "core"
PLACEHOLDER = re.compile(r"\{(\d+)\}")
# what a window text puts before a message it quotes ("场景 2 无法显示：…"): the message is
# what follows; core's English sentences never hold a full-width colon themselves
PREFIX_END = "："
LONGEST_LINE = 4000  # longer lines are shown as they are (matching them could take seconds)


def _regex(template: str, value: str) -> str:
    """`template`'s literal text escaped, each {n} as `value`."""
    return value.join(re.escape(text) for text in PLACEHOLDER.split(template)[0::2])


@dataclass(frozen=True)
class Template:
    text: str
    value: str  # the regex of one value (a group)

    @cached_property
    def literals(self) -> list[str]:
        return PLACEHOLDER.split(self.text)[0::2]

    @cached_property
    def numbers(self) -> list[int]:
        return [int(n) for n in PLACEHOLDER.findall(self.text)]

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(_regex(self.text, self.value))  # once, when first needed

    def match(self, line: str) -> dict[int, str] | None:
        """The values of `line` when it is this template filled in, by number."""
        first, last = self.literals[0], self.literals[-1]
        if not (line.startswith(first) and line.endswith(last)
                and all(text in line for text in self.literals[1:-1])):
            return None  # cheaply: most templates are ruled out here
        found = self.regex.fullmatch(line)
        return None if found is None else dict(zip(self.numbers, found.groups()))


def _ordered(texts: tuple[str, ...], value: str) -> list[Template]:
    """The most specific (longest literal text) first."""
    templates = [Template(text, value) for text in texts]
    return sorted(templates, key=lambda t: -sum(map(len, t.literals)))


@cache
def _fragments() -> list[Template]:
    return _ordered(FRAGMENTS, "(.+?)")


@cache
def _messages() -> list[Template]:
    """A value is any text, but one shaped as a fragment is tried first: the message
    "data.csv: line 3, column 2: 'x' is not a number; …" then splits at the right ": "."""
    shapes = "|".join(_regex(t.text, "(?:.+?)") for t in _fragments())
    return _ordered(TEMPLATES, f"((?:{shapes})|.+?)")


def _translate(text: str, templates: list[Template]) -> str | None:
    """`text` written again from the translation of the first template it fills; None
    when it fills none."""
    for template in templates:
        values = template.match(text)
        if values is not None:
            values = {n: _value(value) for n, value in values.items()}
            return _fill(QCoreApplication.translate(CONTEXT, template.text), values)
    return None


def _fill(translation: str, values: dict[int, str]) -> str:
    """The translation with each {n} replaced by its value (values are not formatted
    again: their own braces stay)."""
    return PLACEHOLDER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), translation)


def _value(text: str) -> str:
    """A captured value: itself, unless it is one of the phrases core writes (then
    translated, its own values kept)."""
    translated = _translate(text, _fragments())
    return text if translated is None else translated


def _line(line: str) -> str:
    """A line: a message, or a window text ending in "：" and then a message."""
    if len(line) > LONGEST_LINE:
        return line
    starts = [i + 1 for i, char in enumerate(line) if char == PREFIX_END] + [0]
    for start in starts:
        message = line[start:].lstrip() if start else line
        translated = _translate(message, _messages())
        if translated is not None:
            return line[:len(line) - len(message)] + translated
    return line


def translate_message(text: str) -> str:
    """`text` (one or more messages, a line each, maybe after a window text ending in
    "："), with each message of rnnviz.core / rnnviz.cli (any English RnnvizError
    sentence) it holds in the window's language. English: `text` itself."""
    if language() == "en" or not text:
        return text
    return "\n".join(_line(line) for line in text.split("\n"))
