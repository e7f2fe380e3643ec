"""One input layer: keyboard, mouse and game controller all become the same named actions.

Screens react to actions (`Act.CONFIRM`, `Act.ROLLBACK`, ...), never to key codes, so every
screen works with any device, and the table below doubles as the controls help.

`Act` is the enum of action names. It is a `StrEnum`, so `action.name == "confirm"` still holds;
but an `Action` built with a name that is not an `Act` raises at once (a typo used to do nothing).
"""
from __future__ import annotations

from enum import StrEnum

import pygame

from ..content.records import record
from ..words import t


class Act(StrEnum):
    """Every action a screen can receive."""

    CONFIRM = "confirm"
    CANCEL = "cancel"
    MENU = "menu"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    ROLLBACK = "rollback"
    ROLLFORWARD = "rollforward"
    HOME = "home"
    END = "end"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    NEXT = "next"
    PREV = "prev"
    BACKLOG = "backlog"
    AUTO = "auto"
    SKIP = "skip"
    HIDE_UI = "hide_ui"
    QUICKSAVE = "quicksave"
    QUICKLOAD = "quickload"
    FULLSCREEN = "fullscreen"
    TIMELINE = "timeline"
    HELP = "help"
    BLANK = "blank"
    MUTE = "mute"
    CHAPTERS = "chapters"
    VOTE = "vote"
    RELOAD = "reload"
    DIGIT = "digit"
    CLICK = "click"
    RELEASE = "release"
    POINT = "point"
    DRAG = "drag"
    WHEEL_UP = "wheel_up"
    WHEEL_DOWN = "wheel_down"


KEYMAP: dict[str, tuple[int, ...]] = {
    "confirm": (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE),
    "cancel": (pygame.K_ESCAPE,),
    "up": (pygame.K_UP,),
    "down": (pygame.K_DOWN,),
    "left": (pygame.K_LEFT,),
    "right": (pygame.K_RIGHT,),
    "rollback": (pygame.K_PAGEUP,),
    "rollforward": (pygame.K_PAGEDOWN,),
    "home": (pygame.K_HOME,),
    "end": (pygame.K_END,),
    "zoom_in": (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS),
    "zoom_out": (pygame.K_MINUS, pygame.K_KP_MINUS),
    "next": (pygame.K_TAB,),
    "backlog": (pygame.K_l,),
    "auto": (pygame.K_a,),
    "skip": (pygame.K_s,),
    "hide_ui": (pygame.K_h,),
    "quicksave": (pygame.K_F5,),
    "quickload": (pygame.K_F9,),
    "fullscreen": (pygame.K_F11,),
    "timeline": (pygame.K_t,),
    "help": (pygame.K_F1,),
    "blank": (pygame.K_b,),
    "mute": (pygame.K_m,),
    "chapters": (pygame.K_c,),
    "vote": (pygame.K_v,),
}
DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}

# SDL game-controller buttons (the same layout on every pad SDL knows).
PAD_BUTTONS: dict[int, str] = {
    pygame.CONTROLLER_BUTTON_A: "confirm",
    pygame.CONTROLLER_BUTTON_B: "cancel",
    pygame.CONTROLLER_BUTTON_START: "menu",
    pygame.CONTROLLER_BUTTON_DPAD_UP: "up",
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: "down",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "left",
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "right",
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "rollback",
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "skip",
    pygame.CONTROLLER_BUTTON_Y: "backlog",
}
STICK_THRESHOLD = 0.6


@record
class Action:
    """One input: what (`name`, an `Act`), where for pointer actions, which number for digits."""

    name: Act
    pos: tuple[int, int] | None = None  # logical (1280x720) coordinates, for pointer actions
    number: int = 0                     # for Act.DIGIT
    shift: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", Act(self.name))  # an unknown name is a ValueError, not a no-op

    @property
    def pointer(self) -> bool:
        """A click, point, drag, release or wheel with a position."""
        return self.pos is not None


def key_action(key: int, mod: int) -> Action | None:
    shift = bool(mod & pygame.KMOD_SHIFT)
    if key in (pygame.K_RETURN, pygame.K_KP_ENTER) and mod & pygame.KMOD_ALT:
        return Action("fullscreen")
    if key in DIGITS:
        return Action("digit", number=DIGITS[key])
    if key == pygame.K_TAB and shift:
        return Action("prev", shift=True)
    if (key == pygame.K_r and mod & pygame.KMOD_CTRL) or key == pygame.K_F6:
        return Action("reload")
    for name, keys in KEYMAP.items():
        if key in keys:
            return Action(name, shift=shift)
    return None


class InputMapper:
    """Turns pygame events into actions; `to_logical` maps window pixels to the 1280x720 canvas."""

    def __init__(self, to_logical=lambda pos: pos):
        self.to_logical = to_logical
        self.controllers: dict[int, object] = {}
        self._stick_latched = False

    def translate(self, event: pygame.event.Event) -> list[Action]:
        t = event.type
        if t == pygame.KEYDOWN:
            action = key_action(event.key, event.mod)
            return [action] if action else []
        if t == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return [Action("click", self.to_logical(event.pos))]
        if t == pygame.MOUSEBUTTONDOWN and event.button == 3:
            return [Action("cancel")]
        if t == pygame.MOUSEBUTTONUP and event.button == 1:
            return [Action("release", self.to_logical(event.pos))]
        if t == pygame.MOUSEWHEEL:
            pos = self.to_logical(pygame.mouse.get_pos())
            return [Action("wheel_up" if event.y > 0 else "wheel_down", pos)] if event.y else []
        if t == pygame.MOUSEMOTION:
            return [Action("drag" if event.buttons[0] else "point", self.to_logical(event.pos))]
        if t == pygame.CONTROLLERBUTTONDOWN and event.button in PAD_BUTTONS:
            return [Action(PAD_BUTTONS[event.button])]
        if t == pygame.CONTROLLERAXISMOTION and event.axis in (pygame.CONTROLLER_AXIS_LEFTY,
                                                               pygame.CONTROLLER_AXIS_LEFTX):
            return self._stick(event)
        if t == pygame.CONTROLLERDEVICEADDED:
            self._open_controller(event.device_index)
        if t == pygame.CONTROLLERDEVICEREMOVED:
            self.controllers.pop(event.instance_id, None)
        return []

    def _stick(self, event: pygame.event.Event) -> list[Action]:
        value = event.value / 32767
        if abs(value) < STICK_THRESHOLD:
            self._stick_latched = False
            return []
        if self._stick_latched:
            return []
        self._stick_latched = True
        if event.axis == pygame.CONTROLLER_AXIS_LEFTY:
            return [Action("down" if value > 0 else "up")]
        return [Action("right" if value > 0 else "left")]

    def _open_controller(self, index: int) -> None:
        from pygame import _sdl2  # the SDL game-controller API lives here in pygame 2
        try:
            pad = _sdl2.controller.Controller(index)
        except Exception:  # a device SDL cannot open is simply not used
            return
        self.controllers[pad.id] = pad


def controls_help() -> list[tuple[str, str]]:
    """(keys, what they do) for the help screen and README, in the current language."""
    names = {k: ", ".join(pygame.key.name(c).upper() for c in keys) for k, keys in KEYMAP.items()}
    click, right, up, down = t("keys.click"), t("keys.right_click"), t("keys.wheel_up"), t("keys.wheel_down")
    return [(f"{names['confirm']}, {click}", t("keys.advance")), (f"{names['cancel']}, {right}", t("keys.menu")),
            (f"1-9, {t('keys.arrows')}", t("keys.pick")), (f"{names['rollback']}, {up}, LEFT", t("keys.rollback")),
            (f"{names['rollforward']}, {down}", t("keys.rollforward")),
            (f"{names['skip']}, {t('keys.hold_ctrl')}", t("keys.skip")),
            (names["auto"], t("keys.auto")), (names["backlog"], t("keys.backlog")), (names["hide_ui"], t("keys.hide")),
            (names["quicksave"] + " / " + names["quickload"], t("keys.quick")),
            (names["fullscreen"] + ", ALT+ENTER", t("keys.fullscreen")), (names["timeline"], t("keys.timeline"))]
