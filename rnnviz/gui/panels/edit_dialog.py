"""The "What if?" dialog: one edit (an input, a clamped part, a weight), checked as typed.

The edit is the command line's own text (`clamp l0.f[3]=1@12:`), parsed and checked by
core/interventions.py against the network and run shown: a refusal's sentence stands in
red under the field and OK waits for a fix; what is allowed but unusual (a sigmoid gate
held outside [0, 1]) stands in amber and OK still works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from rnnviz.core.errors import RnnvizError
from rnnviz.gui.core_text import translate_message
from rnnviz.gui.i18n import tr

KINDS = ("edit-x", "clamp", "set")  # the command line's names of the kinds of edit
ERROR_COLOR = "#b2182b"  # the network panel's problem red
NOTE_COLOR = "#7a4b00"  # the network panel's note amber


def titles() -> dict[str, str]:
    """Each kind of edit as the menus and the dialog name it."""
    return {"edit-x": tr("Change an input"), "clamp": tr("Clamp a part"),
            "set": tr("Set a weight")}


def hint(kind: str) -> str:
    """The syntax of a kind of edit, with examples: "STEP=VALUES — e.g. 5=0.7 (...)". The
    syntax is the command line's (its words in capitals stay as they are)."""
    syntax = {"edit-x": "STEP=VALUES", "clamp": "[lL.][fwd.|bwd.]PART[UNITS]=VALUE[@FROM:TO]",
              "set": tr("NAME[INDEX]=VALUE or *=FACTOR")}[kind]
    examples = {
        "edit-x": tr("e.g. 5=0.7 (every feature), 5=0.1,0,2 (one per feature), 5=e (a "
                     "character of the text), 5=cat or 5=#12 (a token)"),
        "clamp": tr("e.g. f=1 (every step), l0.f[3]=1@12: (from t = 12 on), z[0:4]=0@7 "
                    "(t = 7 only), bwd.c[2]=0@5:9"),
        "set": tr("e.g. weight_hh_l0[3,5]=0, bias_ih_l0[8:16]=0, weight_hh_l0[:,2]*=0.5"),
    }[kind]
    return f"{syntax} — {examples}"


def tint(widget, color: str | None, bold: bool = False) -> None:
    """Text colour (None: the palette's own) and weight, by palette and font, not by style
    sheet: a style sheet would stop the window's font reaching the widget."""
    palette = QPalette()  # only the role set here is the widget's own; the rest inherited
    if color is not None:
        palette.setColor(QPalette.WindowText, QColor(color))
        palette.setColor(QPalette.Text, QColor(color))
    widget.setPalette(palette)
    font = QFont()  # the weight alone: the family and size stay the window's
    font.setBold(bold)
    widget.setFont(font)


def monospace() -> QFont:
    """A fixed-pitch family and nothing else: the size stays the window's (and follows it)."""
    font = QFont()
    font.setFamilies(["DejaVu Sans Mono", "monospace"])
    font.setStyleHint(QFont.TypeWriter)
    return font


def check_line(snapshot, kind: str, spec: str) -> list[str]:
    """Notes on the edit `kind spec` for the run shown; RnnvizError when it cannot apply."""
    from rnnviz.core.edited_run import edited_input
    from rnnviz.core.interventions import (
        Edits,
        EditX,
        check_edits,
        parse_clamp,
        parse_edit_x,
        parse_set,
    )

    spec = spec.strip()
    if kind not in KINDS:
        raise RnnvizError(f"no kind of edit {kind!r}; choose edit-x, clamp or set")
    if not spec:
        raise RnnvizError(tr("type the edit: {hint}").format(hint=hint(kind)))
    if kind == "edit-x":
        edit = parse_edit_x(spec)
        edits = Edits(x=(edit,))
    elif kind == "clamp":
        edits = Edits(clamps=(parse_clamp(spec),))
    else:
        edits = Edits(weights=(parse_set(spec),))
    if snapshot is None:  # nothing computed yet: the syntax is all there is to check
        return []
    if snapshot.s2s is not None:
        raise RnnvizError(tr("edits on an encoder–decoder are not supported yet; choose a "
                             "single network's shape to edit it"))
    trace = snapshot.original if snapshot.original is not None else snapshot.trace
    if getattr(trace, "store", None) is not None:
        raise RnnvizError(tr("edits need the whole run in memory; this sequence is kept as "
                             "checkpoints (too long): shorten it to edit it"))
    notes = check_edits(edits, snapshot.network, trace.length)
    if kind == "edit-x":  # the value itself: a number per feature, a character, a token
        sequence = snapshot.sequence
        names = None
        if getattr(sequence, "tokens", None) is not None:
            names = sequence.token_names or ()
        row = trace.x[edit.step:edit.step + 1]
        edited_input(row, Edits(x=(EditX(0, edit.value),)), getattr(sequence, "vocab", None),
                     names, snapshot.network)
    return notes


class EditDialog(QDialog):
    """One edit of `kind` ("edit-x", "clamp", "set") for `snapshot`; `line()` is the
    window's line for it ("clamp l0.f[3]=1@12:")."""

    def __init__(self, parent, snapshot, kind: str, prefill: str = ""):
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        self.snapshot, self.kind = snapshot, kind
        title = titles()[kind]
        self.setWindowTitle(tr("What if? {edit}").format(edit=title))
        self.setAttribute(Qt.WA_WindowPropagation)  # the window's font (a projector's size)
        self.hint = QLabel(hint(kind))
        self.hint.setWordWrap(True)
        self.field = QLineEdit(prefill)
        self.field.setPlaceholderText(hint(kind).split(" — ")[0])
        self.field.setToolTip(hint(kind))
        self.field.setFont(monospace())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        prompt = QLabel(f"<b>{title}</b> ({kind}):")
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self.validate)
        self.validate()
        width = self.fontMetrics().horizontalAdvance("m" * 46)  # in the window's font
        self.resize(max(self.sizeHint().width(), width), self.sizeHint().height())
        self.field.setFocus()

    def validate(self) -> bool:
        """Check the field as typed: red refusal (OK disabled) or amber notes (OK enabled)."""
        try:
            notes = check_line(self.snapshot, self.kind, self.field.text())
        except RnnvizError as exc:
            self.problem = str(exc)
            tint(self.message, ERROR_COLOR, bold=True)
            self.message.setText(translate_message(self.problem))
            self.message.show()
            self.ok_button.setEnabled(False)
            return False
        self.problem = ""
        tint(self.message, NOTE_COLOR)
        self.message.setText("\n".join(notes))
        self.message.setVisible(bool(notes))
        self.ok_button.setEnabled(True)
        return True

    def line(self) -> str:
        """The window's line for the edit typed: "KIND SPEC"."""
        return f"{self.kind} {self.field.text().strip()}"

    def accept(self) -> None:
        if self.validate():  # Enter in the field while refused does nothing
            super().accept()


def ask_edit(parent, snapshot, kind: str, prefill: str = "") -> str | None:
    """A modal dialog for one edit; its line ("clamp l0.f[3]=1@12:"), or None if cancelled."""
    dialog = EditDialog(parent, snapshot, kind, prefill)
    accepted = dialog.exec() == QDialog.Accepted
    line = dialog.line() if accepted else None
    dialog.deleteLater()
    return line


# ----- what the menus prefill: the value at the cursor ----------------------------------------
def _number(value) -> str:
    return f"{float(value):.4g}"


def suggest(sim, kind: str) -> str:
    """An edit of `kind` at the simulator's cursor (step, layer, direction, unit), holding
    the value it has now: the starting point the menus give the dialog."""
    snap = sim.snapshot
    if snap is None or snap.s2s is not None:
        return {"edit-x": "0=0", "clamp": "f=1", "set": "weight_hh_l0[0,0]=0"}[kind]
    spec, t, unit, b = snap.network.spec, sim.t, sim.unit, sim.batch_index
    trace = snap.original if snap.original is not None else snap.trace
    if getattr(trace, "store", None) is not None:
        return {"edit-x": f"{t}=0", "clamp": "f=1", "set": "weight_hh_l0[0,0]=0"}[kind]
    if kind == "edit-x":
        seq = snap.sequence
        if getattr(seq, "tokens", None) is not None and seq.token_names:
            return f"{t}={seq.token_names[int(seq.tokens[t, b])]}"
        if getattr(seq, "text", None) and getattr(seq, "vocab", None) and \
                t < len(seq.text) and seq.text[t] != " ":
            return f"{t}={seq.text[t]}"
        row = trace.x[t, b]
        if len(row) == 1 or bool((row == row[0]).all()):
            return f"{t}={_number(row[0])}"
        return f"{t}=" + ",".join(_number(v) for v in row)
    where = f"l{sim.layer}." if spec.num_layers > 1 else ""
    where += f"{sim.direction}." if spec.bidirectional else ""
    if kind == "clamp":
        part = {"lstm": "f", "gru": "z"}.get(spec.cell, "h")
        unit = min(unit, spec.part_size(part) - 1)
        value = trace.part(sim.layer, sim.direction, part)[t, b, unit]
        return f"{where}{part}[{unit}]={_number(value)}@{t}:"
    name = f"weight_hh_l{sim.layer}" + ("_reverse" if sim.direction == "bwd" else "")
    weight = snap.network.params.get(name)
    if weight is None:
        return "weight_hh_l0[0,0]=0"
    row = min(unit, weight.shape[0] - 1)
    col = min(unit, weight.shape[1] - 1)
    return f"{name}[{row},{col}]={_number(weight[row, col])}"
