"""Every screen by name, so that screens need not import each other.

A screen opens another with `self.open("backlog", play=self)` (game/ui/screen.py); the app's
`Navigator` (game/ui/nav.py) looks the name up here and imports the screen's module the first
time it is opened. No screen module imports another one, so there is no import circle among
them (tests/test_ui_architecture.py), and tests/test_ui_routes.py checks that every route
resolves. Adding a screen: write it, add one line here (name -> "module:Class", and any fixed
keyword arguments).
"""
from __future__ import annotations

from ..ui.nav import Route

ROUTES: dict[str, Route] = {
    "title": Route("game.screens.title:TitleScreen"),
    "play": Route("game.screens.play:PlayScreen"),                  # start_scene=, runtime=, options=
    "menu": Route("game.screens.menu:GameMenu"),                    # play=
    "save": Route("game.screens.saveload:SaveLoadScreen", mode="save"),  # play=
    "load": Route("game.screens.saveload:SaveLoadScreen", mode="load"),  # play= (None from the title)
    "backlog": Route("game.screens.backlog:BacklogScreen"),         # play=
    "settings": Route("game.screens.settings_screen:SettingsScreen"),
    "gallery": Route("game.screens.gallery:GalleryScreen"),         # page=
    "chapters": Route("game.screens.chapters:ChapterScreen"),
    "ending": Route("game.screens.ending:EndScreen"),               # play=, event=
    "classroom": Route("game.screens.classroom_hub:ClassroomHub"),  # export_dir=
    "classroom_notes": Route("game.screens.classroom_play:ClassroomNotesScreen"),      # log=, on_start=, plan=
    "classroom_vote": Route("game.screens.classroom_play:ClassroomVoteScreen"),        # presenter=, event=
    "classroom_chapters": Route("game.screens.classroom_play:ClassroomChapterList"),   # presenter=
    "classroom_pause": Route("game.screens.classroom_play:ClassroomPauseMenu"),        # presenter=
    "classroom_quiz": Route("game.screens.classroom_quiz:QuizSetupScreen"),            # quiz=, log=, chapter=
    "classroom_reality": Route("game.screens.classroom_reality:RealityScreen"),        # start=
    "timeline": Route("game.screens.timeline:TimelineScreen"),      # timeline=, focus_event=, on_open_scene=
    "confirm": Route("game.ui.dialog:ConfirmDialog"),               # question=, on_yes=, yes=, no=
}
