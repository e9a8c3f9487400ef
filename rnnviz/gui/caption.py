"""Scene captions: a few lines of Markdown with inline math, as the HTML Qt's rich text
shows (on the stage, in the Lesson panel's preview and in a lesson's PDF).

The Markdown a caption needs, no more: paragraphs, `- ` bullet lists, `# ` headings,
**bold**, *italic*, `code`; and math between single dollars in TeX's spelling —
`$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$` — drawn with Unicode symbols, italic letters
and sub/superscripts (no TeX engine: a caption is prose with a formula or two in it).
Everything else is text: HTML in a caption is shown, not interpreted.
"""

from __future__ import annotations

import html
import re

SYMBOLS = {
    "sigma": "σ", "tanh": "tanh", "odot": "⊙", "cdot": "·", "times": "×", "in": "∈",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "eta": "η",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "tau": "τ", "phi": "φ", "psi": "ψ",
    "omega": "ω", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "to": "→",
    "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔", "approx": "≈", "le": "≤",
    "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠", "pm": "±", "infty": "∞",
    "ldots": "…", "dots": "…", "cdots": "⋯", "mathbb{R}": "ℝ", "R": "ℝ", "top": "ᵀ",
    "exp": "exp", "log": "log", "softmax": "softmax", "relu": "relu", "max": "max",
    "min": "min", "oplus": "⊕", "circ": "∘", "quad": "\u2003", ",": "\u2009", ";": "\u2002",
}
_WORDS = {"tanh", "exp", "log", "softmax", "relu", "max", "min"}  # upright, like TeX's \tanh


def math_html(tex: str) -> str:
    """Inline TeX-like math as rich text: single letters italic, \\names as symbols,
    _x / _{..} subscripts and ^x / ^{..} superscripts."""
    out, i = [], 0
    while i < len(tex):
        ch = tex[i]
        if ch == "\\":
            if tex.startswith("\\mathbb{R}", i):
                out.append("ℝ")
                i += len("\\mathbb{R}")
                continue
            m = re.match(r"\\(tilde|hat|bar)\{?([A-Za-z])\}?", tex[i:])
            if m:  # a letter with an accent above: the combining mark after it
                mark = {"tilde": "\u0303", "hat": "\u0302", "bar": "\u0304"}[m.group(1)]
                out.append(f"<i>{m.group(2)}{mark}</i>")
                i += m.end()
                continue
            m = re.match(r"\\(text|mathrm|operatorname)\{([^}]*)\}", tex[i:])
            if m:
                out.append(html.escape(m.group(2)))
                i += m.end()
                continue
            m = re.match(r"\\([A-Za-z]+|[,;])", tex[i:])
            if m:
                name = m.group(1)
                out.append(html.escape(SYMBOLS.get(name, name)))
                i += m.end()
                continue
            out.append("\\")
            i += 1
        elif ch in "_^":
            body, i = _group(tex, i + 1)
            tag = "sub" if ch == "_" else "sup"
            out.append(f"<{tag}>{math_html(body)}</{tag}>")
        elif ch in "{}":
            i += 1  # grouping only
        elif ch.isalpha():
            m = re.match(r"[A-Za-z]+", tex[i:])
            word = m.group(0)
            if word in _WORDS or len(word) > 1 and not word.isupper():
                out.append(html.escape(word))  # a name (tanh, softmax): upright
            else:
                out.append("".join(f"<i>{c}</i>" for c in word))
            i += m.end()
        elif ch == "-":
            out.append("−")  # a minus, not a hyphen
            i += 1
        else:
            out.append(html.escape(ch))
            i += 1
    return "".join(out)


def _group(tex: str, i: int) -> tuple[str, int]:
    """The argument of _ or ^ at i: {…} (nested) or one character (a \\name whole)."""
    if i >= len(tex):
        return "", i
    if tex[i] == "{":
        depth, j = 0, i
        while j < len(tex):
            depth += {"{": 1, "}": -1}.get(tex[j], 0)
            if depth == 0:
                return tex[i + 1:j], j + 1
            j += 1
        return tex[i + 1:], len(tex)
    if tex[i] == "\\":
        m = re.match(r"\\[A-Za-z]+", tex[i:])
        if m:
            return m.group(0), i + m.end()
    return tex[i], i + 1


def _breaks_at_operators(math: str) -> str:
    """A formula wraps after =, +, −, ⊙, a comma…, never between a symbol and what
    follows it ('W' and 'h_{t-1}' stay together): other spaces become no-break ones."""
    return re.sub(r"(?<![=+−⊙·×,≈≤≥→]) ", "\u00a0", math)


def _inline(text: str) -> str:
    """Math, code, bold and italic in one line of prose (the rest escaped)."""
    parts = re.split(r"(\$[^$]+\$|`[^`]+`)", text)
    out = []
    for part in parts:
        if len(part) > 2 and part[0] == part[-1] == "$":
            math = _breaks_at_operators(math_html(part[1:-1]))
            out.append(f"<span style='font-family:serif'>{math}</span>")
        elif len(part) > 2 and part[0] == part[-1] == "`":
            out.append(f"<code>{html.escape(part[1:-1])}</code>")
        else:
            prose = html.escape(part, quote=False)
            prose = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", prose)
            prose = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", prose)
            out.append(prose)
    return "".join(out)


def caption_html(markdown: str, title: str = "") -> str:
    """A caption's Markdown (and the scene's title as a heading) as rich text."""
    blocks, paragraph, items = [], [], []

    def flush() -> None:
        if paragraph:
            blocks.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append(stripped[2:])
        elif stripped.startswith("#"):
            flush()
            level = min(len(stripped) - len(stripped.lstrip("#")) + 2, 5)  # below the title
            blocks.append(f"<h{level}>{_inline(stripped.lstrip('#').strip())}</h{level}>")
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + stripped  # a bullet continued on the next line
        else:
            if items:
                flush()
            paragraph.append(stripped)
    flush()
    head = f"<h2>{_inline(title)}</h2>" if title else ""
    return head + "".join(blocks)
