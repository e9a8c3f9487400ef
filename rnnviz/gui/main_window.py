"""The main window: the unrolled graph in the centre, views and panels in docks."""

from __future__ import annotations

import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from rnnviz.core.errors import RnnvizError
from rnnviz.gui import window_layout, window_menus
from rnnviz.gui.config import Config, demo_config, drop_stale_titles
from rnnviz.gui.dock_title import DockTitle
from rnnviz.gui.i18n import tr
from rnnviz.gui.kept_weights import KeptWeights, reopenable
from rnnviz.gui.open_dialogs import ask_open_file
from rnnviz.gui.panels.edits_panel import EditsPanel
from rnnviz.gui.panels.input_panel import InputPanel
from rnnviz.gui.panels.network_panel import NetworkPanel
from rnnviz.gui.settings import app_settings
from rnnviz.gui.simulator import Simulator
from rnnviz.gui.stage_control import StageControl
from rnnviz.gui.step_text import StepText
from rnnviz.gui.transport import Transport
from rnnviz.gui.validation import check_config
from rnnviz.gui.view_lender import ViewLender
from rnnviz.gui.views.cell_view import CellView
from rnnviz.gui.views.equation_view import EquationView
from rnnviz.gui.views.gradient_view import GradientView
from rnnviz.gui.views.graph_view import GraphView
from rnnviz.gui.views.output_view import OutputView
from rnnviz.gui.views.state_view import StateView

APPLY_DELAY_MS = 150  # edits are applied once typing pauses this long
TIMING_PAUSE_MS = 200  # a step's update time is shown once steps pause this long


class MainWindow(QMainWindow):
    def __init__(self, simulator: Simulator | None = None):
        super().__init__()
        self.setWindowTitle("rnnviz")
        self.sim = simulator or Simulator(self)
        self.last_error = ""
        self.last_update_ms = 0.0
        self.persist = True  # save layout and configuration on close (not for scripts)
        # a workspace's dock layout, opened: the views do not make room for themselves
        # (Edits, Gradients) over it until the user changes something (workspace_io.py)
        self.layout_pinned = False
        self.kept = KeptWeights()  # networks trained here, kept until no longer shown
        # a window that will train imports the optimizer early; a headless render exits
        # before such an import could finish, so it leaves it alone
        self.warm_up_training = True
        self.cell_view = CellView(self.sim)
        self.equation_view = EquationView(self.sim)
        self.state_view = StateView(self.sim)
        self.output_view = OutputView(self.sim)
        # made after the views of step t, so it follows a step after them: a long trace's
        # chunks around t then compute while they draw (GraphView._read_ahead)
        self.graph = GraphView(self.sim)
        self.setCentralWidget(self.graph)
        self.gradient_view = GradientView(self.sim, self.graph)
        self.network_panel = NetworkPanel()
        self.input_panel = InputPanel(current_step=lambda: self.sim.t)
        self.edits_panel = EditsPanel()
        self.edit_dialog = None  # the "What if?" dialog while it is open (ask_edit)
        self._had_edits = False  # the Edits dock comes to the front when edits appear
        self._edits_hint = 0  # the Edits panel's height asked for when last shown
        self.transport = Transport(self.sim, self)
        self.addToolBar(Qt.TopToolBarArea, self.transport)
        from rnnviz.gui.panels.training_panel import TrainingPanel

        self.training_panel = TrainingPanel(self)
        from rnnviz.gui.lesson_control import LessonControl

        self.lessons = LessonControl(self)  # its panel is docked with the others
        self.docks = self._build_docks()
        self.views = ViewLender(self)  # the stage and figures show these very views
        self.stage_control = StageControl(self)
        self._pending: dict = {}
        self._apply_timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._apply_timer.timeout.connect(self._apply_pending)
        window_menus.build_menus(self)
        self._build_status_bar()
        self._connect()
        self.fit_to_screen()
        self._default_state = self.saveState()  # View → Reset layout comes back to this

    # ----- layout --------------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area, scroll: bool = False,
              view: str | None = None) -> QDockWidget:
        """A dock; one that holds a view (`view`) gets a maximise button for it. Its object
        name (`name`, English) keeps saved layouts valid in every language."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        if scroll:
            box = QScrollArea()
            box.setWidget(widget)
            box.setWidgetResizable(True)
            widget = box
        dock.setWidget(widget)
        maximise = None if view is None else (lambda: self.stage_control.enter([view], False))
        dock.setTitleBarWidget(DockTitle(dock, maximise))
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> dict[str, QDockWidget]:
        L, R, B = Qt.LeftDockWidgetArea, Qt.RightDockWidgetArea, Qt.BottomDockWidgetArea
        docks = {
            "network": self._dock("network", tr("Network"), self.network_panel, L, True),
            "input": self._dock("input", tr("Input"), self.input_panel, L, True),
            "training": self._dock("training", tr("Training"), self.training_panel, L, True),
            "cell": self._dock("cell", tr("Cell"), self.cell_view, R, view="cell"),
            "equations": self._dock("equations", tr("Equations"), self.equation_view, R,
                                    view="equations"),
            "states": self._dock("states", tr("States"), self.state_view, B, view="states"),
            "output": self._dock("output", tr("Output"), self.output_view, B, view="output"),
            "gradients": self._dock("gradients", tr("Gradients"), self.gradient_view, R,
                                    view="gradients"),
            "edits": self._dock("edits", tr("Edits"), self.edits_panel, R, True),
            "curves": self._dock("training_curves", tr("Training curves"),
                                 self.training_panel.curves_view, B, view="training"),
        }
        self.tabifyDockWidget(docks["network"], docks["input"])
        self.tabifyDockWidget(docks["input"], docks["training"])
        docks["lesson"] = self._dock("lesson", tr("Lesson"), self.lessons.panel, L, True)
        self.tabifyDockWidget(docks["training"], docks["lesson"])
        docks["lesson"].hide()  # shown when a lesson is opened or begun
        docks["network"].raise_()
        self.splitDockWidget(docks["states"], docks["output"], Qt.Horizontal)
        self.splitDockWidget(docks["equations"], docks["gradients"], Qt.Vertical)
        # What if?: hidden until there are edits, or the View menu asks for it; then a tab
        # beside the gradients (show_edits_dock). Tabbed from the start, even hidden, the
        # window would lay out its docks otherwise than designed
        docks["edits"].hide()
        docks["edits"].toggleViewAction().triggered.connect(
            lambda on: on and self.show_edits_dock())
        # beside the output, shown once training starts (a second tab group at the bottom
        # would make render() draw a stray tab bar in exports)
        self.splitDockWidget(docks["output"], docks["curves"], Qt.Horizontal)
        docks["curves"].hide()
        self.training_panel.start_button.clicked.connect(docks["curves"].show)
        return docks

    def fit_docks(self) -> None:
        """The default dock sizes for the window's present size."""
        window_layout.size_docks(self, self.width(), self.height())

    def fit_to_screen(self) -> None:
        window_layout.fit_to_screen(self)

    def reset_layout(self) -> None:
        """View → Reset layout: every dock where the first launch put it."""
        self.stage_control.leave()
        self.restoreState(self._default_state)
        for dock in self.docks.values():
            dock.setFloating(False)
        self.fit_docks()

    def _build_status_bar(self) -> None:
        self.device_label = QLabel()
        # these two change at every step: repainted, not re-laid out (step_text.py)
        self.step_label = StepText(wrap=False)
        self.timing_label = StepText(wrap=False)
        self._timing_shown = QTimer(self, singleShot=True, interval=TIMING_PAUSE_MS)
        self._timing_shown.timeout.connect(self._show_update_time)
        for label in (self.device_label, self.step_label, self.timing_label):
            self.statusBar().addPermanentWidget(label)

    def _connect(self) -> None:
        sim = self.sim
        sim.trace_changed.connect(self._on_trace_changed)
        sim.cursor_changed.connect(self._on_cursor_changed)
        sim.error.connect(self._on_error)
        sim.busy_changed.connect(self._on_busy)
        sim.progress.connect(lambda done: self.statusBar().showMessage(
            tr("computing a long trace… {done} (the steps shown stay live; any change "
               "starts over)").format(done=f"{done:.0%}")))
        self.network_panel.edited.connect(self.edit)
        self.input_panel.edited.connect(self.edit)
        self.edits_panel.edited.connect(self.edit)
        self.edits_panel.add_requested.connect(self.ask_edit)
        self.network_panel.open_model_requested.connect(self.open_model)
        self.input_panel.open_data_requested.connect(self.open_data)
        self.input_panel.edit_state_requested.connect(self.edit_initial_state)
        self.input_panel.batch_shown.connect(lambda b: self.sim.select(batch=b))
        self.transport.backward.toggled.connect(self._on_backward)
        self.sim.gradients_changed.connect(self._make_room_for_gradients)

    # ----- applying configuration ----------------------------------------------------------------
    def start(self, config: Config) -> None:
        self._pending = {}
        self._apply(config)

    def edit(self, changes: dict) -> None:
        """A panel changed some fields: apply them together once editing pauses."""
        self.layout_pinned = False  # the user's own change: the views may make room again
        self._pending.update(drop_stale_titles(changes))
        self._apply_timer.start()

    def _apply_pending(self) -> None:
        config = self.sim.requested.with_(**self._pending)  # on top of edits still computing
        self._pending = {}
        self._apply(config)

    def _apply(self, config: Config) -> None:
        problem = check_config(config)
        if problem:
            self.sim.refused(config)
            self._show_asked()
        self.network_panel.show_problem(problem)
        if problem:
            self.last_error = problem
            from rnnviz.gui.core_text import translate_message

            self.statusBar().showMessage(translate_message(problem), 8000)
            return
        self.sim.apply(config)

    def open_model(self, folder: Path | None = None) -> None:
        """The open dialog, in `folder` (a menu's checked flag counts as none) or where the
        last file was opened."""
        path = ask_open_file(self, tr("Open a model (state_dict)"),
                             tr("PyTorch weights (*.pt *.pth *.bin *.ckpt *.safetensors);;"
                                "All files (*)"),
                             folder if isinstance(folder, Path) else None)
        if path:
            self.open_model_file(path)

    def open_model_file(self, path: str, model_title: str | None = None,
                        input_title: str | None = None) -> None:
        """Open a checkpoint; one trained by rnnviz brings its head, nonlinearity and input.
        The titles name the model and the example input it brings in the panels (weights
        trained in the window); None: their file names."""
        from rnnviz.core.files.checkpoint import sidecar_defaults

        try:
            defaults = sidecar_defaults(path)
        except RnnvizError as exc:
            self.report_error(str(exc))
            return
        if "preset" in defaults:  # its example input replaces a data file in use
            defaults.setdefault("input", None)
        current = self.sim.requested
        from_checkpoint = current.input and current.input.endswith(".input.npy")
        if not defaults.keys() & {"preset", "input"} and (current.preset == "text"
                                                         or from_checkpoint):
            # the input came with the previous checkpoint: back to the default preset
            defaults.update(preset="sine", input=None, text=None, vocab=None)
        changes = {"model": path, "layer_prefix": None, "head_prefix": None,
                   "input_size": None, "head": None, "nonlinearity": None,
                   "model_title": model_title}
        if current.topology == "seq2seq" and "topology" not in defaults:
            changes["topology"] = None  # a file that does not say: one network, as usual
        changes.update(defaults)
        if "input" in changes:  # the title goes with the example input it names
            changes["input_title"] = input_title if changes["input"] else None
        self.start(self.sim.requested.with_(**changes))

    def open_data(self) -> None:
        path = ask_open_file(self, tr("Open input data"),
                             tr("Sequences (*.csv *.tsv *.txt *.npy);;All (*)"))
        if path:
            self.start(self.sim.requested.with_(input=path, input_title=None))

    def edit_initial_state(self) -> None:
        """Open the h0/c0 table on the state in use; OK applies it as 'given'."""
        from rnnviz.gui.panels.initial_state_dialog import InitialStateDialog

        if self.sim.snapshot is None:
            return
        initial = self.sim.trace.initial
        c0 = None if initial.c0 is None else initial.c0[:, 0]
        self.state_dialog = InitialStateDialog(self.sim.spec, initial.h0[:, 0], c0, self)
        self.state_dialog.accepted.connect(
            lambda: self.edit({"init": "given", "init_values": self.state_dialog.values()}))
        self.state_dialog.rejected.connect(lambda: self.input_panel.show_state(
            self.sim.config, self.sim.input_sequence))
        self.state_dialog.open()

    # ----- reacting to the simulator -------------------------------------------------------------
    def _on_trace_changed(self) -> None:
        from rnnviz.gui.training_run import warm_up_in_background

        if self.warm_up_training:  # torch is loaded now; get Start's imports done early
            warm_up_in_background()
        sim = self.sim
        snap = sim.snapshot
        model = snap.model or snap.network  # seq2seq: the panel edits the encoder
        spec = snap.model.encoder.spec if snap.model is not None else sim.spec
        self.network_panel.show_state(sim.config, spec, self._notes(), snap.device_text)
        self.network_panel.topology.show_decoder(snap.model is not None
                                                 and snap.model.spec.embedded)
        self.network_panel.show_parameters(model.parameter_table())
        self.network_panel.show_problem("")
        self.input_panel.show_state(sim.config, sim.input_sequence)
        self._show_edits()
        self.kept.discard_unused(sim.config, sim.requested)  # weights no longer shown
        self.device_label.setText(tr("device: {device}").format(device=snap.trace.device.device))
        done = tr("{title}: extended {n} steps in {ms} ms") if snap.extended else \
            tr("{title}: computed {n} steps in {ms} ms")
        self.statusBar().showMessage(done.format(title=sim.spec.title(), n=sim.length,
                                                 ms=f"{snap.seconds * 1e3:.0f}"), 5000)

    def _show_edits(self) -> None:
        """The edits panel: the edits asked for (a change still waiting or computing
        included) and what the snapshot shown says of them. Edits that appear where there
        were none (a launch with --clamp, a session) bring its tab to the front."""
        self.edits_panel.show_state(self._pending.get("edits", self.sim.requested.edits),
                                    self.sim.snapshot)
        has = bool(self.edits_panel.lines())
        if has and not self._had_edits:
            self.show_edits_dock()
        elif self.edits_panel.sizeHint().height() > self._edits_hint:  # more edits or notes
            QTimer.singleShot(0, self._make_room_for_edits)
        self._had_edits = has
        self._edits_hint = self.edits_panel.sizeHint().height()

    def show_edits_dock(self) -> None:
        """The Edits panel in front: a tab beside the gradients (not on the stage)."""
        if self.stage_control.active:
            return
        dock, beside = self.docks["edits"], self.docks["gradients"]
        if not dock.isFloating() and beside.isVisible() and not beside.isFloating() \
                and dock not in self.tabifiedDockWidgets(beside):
            self.tabifyDockWidget(beside, dock)
        dock.show()
        dock.raise_()
        QTimer.singleShot(0, self._make_room_for_edits)  # once the tab is laid out

    def _make_room_for_edits(self) -> None:
        window_layout.make_room_for_edits(self)

    def _make_room_for_gradients(self) -> None:
        window_layout.make_room_for_gradients(self)

    # ----- what if: edits ------------------------------------------------------------------------
    def ask_edit(self, kind: str, prefill: str = "") -> None:
        """Open the "What if?" dialog for an edit of `kind` ("edit-x", "clamp", "set") on
        the run shown, with `prefill` (the edit without its kind; empty: the value at the
        cursor); OK appends it to the edits (one undo step in the Edits panel). The views'
        right-click menus call this."""
        from rnnviz.gui.panels.edit_dialog import EditDialog, suggest

        if self.edit_dialog is not None:
            self.edit_dialog.close()
        dialog = self.edit_dialog = EditDialog(self, self.sim.snapshot, kind,
                                               prefill or suggest(self.sim, kind))
        dialog.setAttribute(Qt.WA_DeleteOnClose)

        def accepted():
            self.show_edits_dock()
            self.edits_panel.add_edit(dialog.line())

        def finished(_result):
            if self.edit_dialog is dialog:
                self.edit_dialog = None
        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()  # not exec(): the window (and a test) goes on

    def _notes(self) -> list[str]:
        """The simulator's notes; a network trained here is not named by its files (the
        notes would cite the kept checkpoint's JSON, a name the user never gave)."""
        from rnnviz.core.files.checkpoint import sidecar_path

        config = self.sim.config
        if not (config.model and config.model_title):
            return self.sim.notes()
        name = sidecar_path(config.model).name
        return [note.replace(name, tr("its training in this window"))
                for note in self.sim.notes()]

    def _on_cursor_changed(self, _t: int) -> None:
        self.step_label.setText(f"{self.sim.where()} / T = {self.sim.length}")
        self._show_update_time()  # the last update's, painted with this step
        self._cursor_started = time.perf_counter()
        QTimer.singleShot(0, self._note_update_time)

    def _note_update_time(self) -> None:
        """The time the views took for this step, shown with the next one or once steps
        pause (_timing_shown): shown now, the changed text would paint the window a second
        time at every step of a scrub or a play."""
        self.last_update_ms = (time.perf_counter() - self._cursor_started) * 1e3
        if shiboken6.isValid(self._timing_shown):  # not a window deleted meanwhile
            self._timing_shown.start()

    def _show_update_time(self) -> None:
        if not self.last_update_ms:  # none measured yet
            return
        self.timing_label.setText(tr("update {ms} ms").format(ms=f"{self.last_update_ms:.1f}"))

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(tr("computing…"))

    def _on_backward(self, on: bool) -> None:
        """Backward mode: steps run T → 0 and the steps not yet reached (before t) fade."""
        for fade in (self.graph._fade, self.state_view.h_map.fade, self.state_view.c_map.fade,
                     self.state_view.curve_fade):
            fade.set_backward(on)
        if on and self.sim.snapshot is not None:
            self.sim.seek(self.sim.length - 1)

    def report_error(self, message: str) -> None:
        """A problem the user must see; the window and its state stay as they are."""
        self._on_error(message)

    def _on_error(self, message: str) -> None:
        from rnnviz.gui.core_text import translate_message

        self.last_error = message
        shown = translate_message(message)  # core's and the CLI's English, in the window's
        if self.sim.snapshot is not None:  # the panels show what is computed, not the failure
            snap = self.sim.snapshot
            spec = snap.model.encoder.spec if snap.model is not None else self.sim.spec
            self.network_panel.show_state(self.sim.config, spec, self._notes(),
                                          snap.device_text)
            self.input_panel.show_state(self.sim.config, self.sim.input_sequence)
            self._show_edits()
        self._show_asked()
        self.network_panel.show_problem(message.splitlines()[0])  # it translates it too
        self.statusBar().showMessage(shown.splitlines()[0], 10000)
        box = QMessageBox(QMessageBox.Warning, "rnnviz", shown, QMessageBox.Ok, self)
        box.setInformativeText(
            tr("The previous network and input are still shown.") if self.sim.snapshot
            else tr("Nothing is computed yet: the Network panel shows what was asked."))
        box.open()  # not exec(): never block the window (or a test) on a dialog

    def _show_asked(self) -> None:
        """Nothing computed yet and the network asked for refused: the Network panel shows
        what was asked (not its empty defaults), to be fixed."""
        if self.sim.snapshot is None and self.sim.failed is not None:
            self.network_panel.show_state(self.sim.failed, None, [], "—")

    def toggle_stage(self, on: bool) -> None:
        """F5: the views on the whole screen (graph + cell first); again, or Esc, leaves."""
        if on and not self.stage_control.active:
            self.stage_control.enter()
        elif not on:
            self.stage_control.leave()

    # ----- settings ------------------------------------------------------------------------------
    def restore_settings(self) -> Config | None:
        settings = app_settings()
        geometry, state = settings.value("geometry"), settings.value("window_state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            window_layout.keep_on_screen(self)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        saved = settings.value("config")
        if not isinstance(saved, str):
            return None
        config = Config.from_json(saved)
        self.kept.adopt(config)  # its trained network's files: discarded once not shown
        return reopenable(config)  # None when that network is gone

    def closeEvent(self, event) -> None:
        if not self.lessons.may_close():  # unsaved scenes: saved, dropped, or not closing
            event.ignore()
            return
        self.stage_control.leave()  # the layout saved is the window's, not the stage's
        self.transport.pause()
        self.training_panel.close_run()  # end the training thread before the app exits
        if self.persist:
            self._save_settings()
        self.sim.wait(5000)
        super().closeEvent(event)

    def _lasting_config(self) -> Config:
        """The configuration worth reopening. Weights trained here are kept in the data
        folder and reopen; only when that folder could not be written do they live in a
        temporary folder that is gone after exit: then the demo is remembered instead (and
        an example input from there gives way to the preset)."""
        from rnnviz.gui.training_run import is_scratch

        config = self.sim.config
        if config.model and is_scratch(config.model):
            return demo_config()
        if config.input and is_scratch(config.input):
            return config.with_(input=None, input_title=None)
        return config

    def _save_settings(self) -> None:
        settings = app_settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("window_state", self.saveState())
        settings.setValue("config", self._lasting_config().to_json())
        settings.sync()
