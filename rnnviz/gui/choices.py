"""Combo boxes whose items are shown in the window's language and compared by key.

An item's text is what the user reads (translated: see i18n.py); its data is the key the
code compares and the Config stores ("sine", "zeros", "n2one"), so no code ever compares
a translated text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def fill(combo: QComboBox, keys: Iterable, titles: dict | None = None) -> None:
    """One item per key: its title shown (the key itself when it has none), the key as the
    item's data."""
    titles = titles or {}
    for key in keys:
        combo.addItem(titles.get(key, key), key)


def select(combo: QComboBox, key) -> None:
    """Show the item whose data is `key` (nothing changes when there is none)."""
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


def on_choice(combo: QComboBox, slot) -> None:
    """Call `slot(key)` when the user (or the code) picks another item."""
    combo.currentIndexChanged.connect(lambda index: slot(combo.itemData(index)))
