"""docs/authoring.md stays in step with the format: every file kind, field, beat and condition is in it."""
from __future__ import annotations

from game import paths
from game.authoring.lint import RULES
from game.authoring.reference import reference_in, reference_markdown
from game.content.schema import BEAT_KINDS, CONDITION_KINDS, FILE_SCHEMAS, OPTION

GUIDE = paths.ROOT / "docs" / "authoring.md"


def fields(schema: dict) -> set[str]:
    """Every property name in a schema, nested objects and list items included."""
    found = set()
    for key, sub in schema.get("properties", {}).items():
        found.add(key)
        for inner in (sub, sub.get("items", {})):
            if isinstance(inner, dict) and "properties" in inner:
                found |= fields(inner)
    return found


def test_generated_reference_in_the_guide_is_current():
    block = reference_in(GUIDE.read_text(encoding="utf-8"))
    assert block is not None, "docs/authoring.md lost its REFERENCE markers"
    assert block == reference_markdown(), ("the format changed: paste the output of "
                                           "game.authoring.reference.reference_markdown() into docs/authoring.md")


def test_every_file_kind_field_beat_and_condition_is_in_the_guide():
    text = GUIDE.read_text(encoding="utf-8")
    missing = [f"{kind} file" for kind in FILE_SCHEMAS if f"#### {kind} file" not in text]
    missing += [f"field {name}" for schema in [*FILE_SCHEMAS.values(), *BEAT_KINDS.values(), OPTION]
                for name in sorted(fields(schema)) if f"`{name}`" not in text]
    missing += [f"beat {kind}" for kind in BEAT_KINDS if f"#### `{kind}`" not in text]
    missing += [f"condition {kind}" for kind in CONDITION_KINDS if f"| `{kind}` |" not in text]
    assert missing == []


def test_every_lint_rule_and_command_is_documented():
    text = GUIDE.read_text(encoding="utf-8")
    assert [code for code in RULES if f"| `{code}` |" not in text] == []
    for command in ("validate", "lint", "explore", "graph", "schema", "new scene", "screenshot", "autoplay",
                    "play --dev", "i18n"):
        assert f"### `{command}" in text or f"`{command}`" in text, command
    assert "Ctrl+R" in text
