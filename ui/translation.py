"""The UI language: Qt translators for our widgets and Qt's own dialogs, plus the core catalogue.

Source strings in ``ui/`` are English (``self.tr("...")``); ``resources/translations/bangfu_zh_CN.ts``
holds the Chinese and ``bangfu_en.ts`` the English (identical, but finished, so a test can tell
that nothing was forgotten). ``scripts/update_translations.py`` runs pyside6-lupdate and
pyside6-lrelease. Installing a translator sends every widget a LanguageChange event; widgets
re-label themselves in ``retranslate()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app import i18n
from app.paths import resources_dir

log = logging.getLogger(__name__)

CATALOGUE = "bangfu"
_installed: list[QTranslator] = []


def translations_dir():  # type: ignore[no-untyped-def]
    return resources_dir() / "translations"


def set_ui_language(lang: str) -> str:
    """Switch the whole UI (Qt widgets and core messages) to ``lang`` (zh_CN or en)."""
    lang = "en" if lang.lower().startswith("en") else "zh_CN"
    app = QCoreApplication.instance()
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Chinese,
                               QLocale.Country.UnitedStates if lang == "en" else QLocale.Country.China))
    if app is None:
        return lang
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"{CATALOGUE}_{lang}.qm")):
        _installed.append(ours)
    else:
        log.warning("UI catalogue missing for %s", lang)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    # Qt posts LanguageChange to every widget; deliver now so the whole UI switches at once
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def current_language() -> str:
    return i18n.current_language()
