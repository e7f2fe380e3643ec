"""A toast on the settings screen goes in its footer (whose help it stands in for): it covers no row and no
heading at any text size."""
from __future__ import annotations

import pytest
import test_player_features

from game import words
from game.screens.settings_screen import SettingsScreen

app = test_player_features.app  # the fixture story's app with the title screen on top


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale,contrast", [(1.0, False), (1.5, True), (2.0, False), (2.0, True)])
def test_a_toast_on_the_settings_screen_covers_no_row(app, scale, contrast, language):
    app.settings.font_scale, app.settings.high_contrast = scale, contrast
    app.apply_settings()
    words.set_language(language)
    screen = SettingsScreen(app)
    app.push(screen)
    app.notify(words.t("settings.row_off", label=words.t("settings.self_voicing"), reason="pyttsx3 is not installed"))
    app.step(0.05)
    assert screen.toasts_showing()
    [(_, box)] = app.toasts.layout(app.fonts, app.theme, screen.header_bottom(), screen.toast_place())
    lay = screen.layout()
    covered = [name for name, rect in lay.boxes.items() if name != "footer" and rect.colliderect(box)]
    assert covered == [] and app.canvas.get_rect().contains(box)
