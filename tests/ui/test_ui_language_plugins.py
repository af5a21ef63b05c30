"""Language switch, the translation catalogues, plugins and the app/ui boundary."""

from __future__ import annotations

import re
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from ui_testkit import attach, open_card

from app.i18n import current_language

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_language_switch_relabels_everything(qtbot, window, db, household, ui_settings):
    attach(qtbot, window, db)
    card = open_card(qtbot, window, household.id)
    model = window.list_model
    status_col = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("脱贫属性")
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert model.data(model.index(0, status_col)) == "未脱贫"

    window.act_lang["en"].trigger()
    assert current_language() == "en" and ui_settings.language == "en"
    assert window.menuBar().actions()[0].text() == "&File"
    assert model.headerData(status_col, Qt.Orientation.Horizontal) == "Poverty status"
    assert model.data(model.index(0, status_col)) == "Not yet out of poverty"
    assert window.tabs.tabText(0) == "Households"
    assert card.tabs.tabText(0) == "Basic data"
    assert card.status.text() == "Not yet out of poverty"
    assert card.basic.form.labels["hh_number"].text() == "Household number"
    assert "1 households" in window.count_label.text()
    assert card.members.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    # nothing Chinese is left on the window except data (names, places)
    texts = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    chrome = [t for t in texts if CJK.search(t) and not any(x in t for x in ("张三", "石门村", "龙场镇", "测试员"))]
    assert chrome == []

    window.act_lang["zh_CN"].trigger()
    assert current_language() == "zh_CN" and ui_settings.language == "zh_CN"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert card.tabs.tabText(0) == "基本信息"
    assert card.basic.form.labels["hh_number"].text() == "户编号"


def test_language_switch_reaches_the_feature_areas(qtbot, window, db, household, monkeypatch):
    """With every feature plugin loaded, English leaves no Chinese on labels, buttons, menus, card
    tabs or the status bar, except data and the Chinese names of printed forms, e.g. "(明白卡)"."""
    import importlib

    from PySide6.QtWidgets import QAbstractButton, QMenu

    import ui.plugins

    monkeypatch.setattr(ui.plugins, "PLUGINS", importlib.reload(ui.plugins).PLUGINS)
    with qtbot.waitSignal(window.plugins_loaded, timeout=20000):
        window.attach_database(db, check=False)
    assert window.plugin_errors == []
    card = open_card(qtbot, window, household.id)
    window.act_lang["en"].trigger()
    data = ("张三", "李四", "张小明", "石门村", "龙场镇", "云岭县", "测试员", "中文（简体）")

    def chinese(text: str) -> bool:
        text = re.sub(r"\([\u4e00-\u9fff]+\)", "", text)  # a form's own name in brackets
        return bool(CJK.search(text)) and not any(d in text for d in data)

    left = [(type(w).__name__, w.text()) for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
            if w.isVisible() and chinese(w.text())]
    left += [("menu", a.text()) for m in window.findChildren(QMenu) for a in m.actions() if chinese(a.text())]
    left += [("tab", card.tabs.tabText(i)) for i in range(card.tabs.count()) if chinese(card.tabs.tabText(i))]
    assert left == []
    window.act_lang["zh_CN"].trigger()


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    out = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            out.append((context.findtext("name", ""), message.findtext("source", ""), message.find("translation")))
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_catalogue_complete(lang):
    ts = TRANSLATIONS / f"bangfu_{lang}.ts"
    messages = _messages(ts)
    assert len(messages) > 200
    unfinished = [(c, s) for c, s, t in messages
                  if t is None or t.get("type") in ("unfinished", "obsolete", "vanished") or not (t.text or "").strip()]
    assert unfinished == [], f"{ts.name}: unfinished translations {unfinished[:10]}"
    for _ctx, source, translation in messages:
        text = translation.text or ""
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text)), (source, text)
        words = re.sub(r"{\w+}|<[^>]+>|Ctrl|Bangfu", "", source)
        if lang == "zh_CN" and re.search(r"[A-Za-z]{3}", words):
            assert CJK.search(text), f"not translated to Chinese: {source!r}"
    assert (TRANSLATIONS / f"bangfu_{lang}.qm").stat().st_mtime >= ts.stat().st_mtime - 5


def test_catalogues_cover_every_string_in_the_sources(tmp_path):
    """Running lupdate over ui/ must not find a string the committed catalogues lack."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as ut
    finally:
        sys.path.pop(0)
    scratch = tmp_path / "scratch_zh_CN.ts"
    scratch.write_bytes((TRANSLATIONS / "bangfu_zh_CN.ts").read_bytes())
    ut.lupdate([scratch])
    new = ut.unfinished(ut.read(scratch))
    assert new == [], f"strings missing from the catalogue (run scripts/update_translations.py): {new[:10]}"


def test_core_never_imports_qt_or_ui():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken6|ui)(\.|\s|$)", re.MULTILINE)
    offenders = []
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text("utf-8")
        for match in pattern.finditer(text):
            line = text[: match.start()].count("\n") + 1
            snippet = text[match.start(): match.end() + 40].splitlines()[0]
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {snippet.strip()}")
    assert offenders == []


def test_core_import_does_not_load_qt():
    code = ("import sys, app.services.registry, app.store.database, app.cli, app.services.users;"
            "print(any(m.startswith(('PySide6', 'ui')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_plugins_extend_the_window(qtbot, window, db, household, monkeypatch):
    from PySide6.QtWidgets import QLabel as Label

    import ui.plugins

    calls = {"menu": 0, "refresh": 0}

    class Panel(Label):
        def __init__(self, win, hid):
            super().__init__(f"panel {hid[:4]}")
            self.win, self.hid = win, hid

        def refresh(self):
            calls["refresh"] += 1

    def install(win):
        act = win.add_menu_action("reports", lambda: "Print notice", lambda: calls.__setitem__("menu", 1),
                                  shortcut="Ctrl+Shift+P", permission="notice.print")
        win.menu("reports").setTitle("Reports")
        win.add_card_tab(lambda: "Extra", Panel)
        calls["action"] = act

    good = types.ModuleType("plugin_good_for_test")
    good.install = install
    bad = types.ModuleType("plugin_bad_for_test")

    def broken(win):
        raise RuntimeError("boom")

    bad.install = broken
    monkeypatch.setitem(sys.modules, "plugin_good_for_test", good)
    monkeypatch.setitem(sys.modules, "plugin_bad_for_test", bad)
    monkeypatch.setattr(ui.plugins, "PLUGINS", ["plugin_good_for_test:install", "plugin_bad_for_test:install",
                                                "no.such.module:install"])
    attach(qtbot, window, db)
    assert [e for e, _ in window.plugin_errors] == ["plugin_bad_for_test:install", "no.such.module:install"]
    titles = [a.text() for a in window.menuBar().actions()]
    assert "Reports" in titles and titles.index("Reports") < len(titles) - 1  # before Help
    calls["action"].trigger()
    assert calls["menu"] == 1 and calls["action"].isEnabled()
    card = open_card(qtbot, window, household.id)
    extra = [card.tabs.widget(i) for i in range(card.tabs.count()) if card.tabs.tabText(i) == "Extra"]
    assert len(extra) == 1 and extra[0].hid == household.id
    assert calls["refresh"] >= 1
    before = calls["refresh"]
    card.tabs.setCurrentWidget(extra[0])
    assert window.current_household_id() == household.id
    window.tabs.setCurrentIndex(0)  # the card is not in front: it reloads on household_changed
    with qtbot.waitSignal(card.loaded, timeout=10000):
        window.notify_household_changed(household.id)
    assert calls["refresh"] > before
