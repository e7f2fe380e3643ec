"""'Film and reality': what the two sources say about the real world, beside the film's fiction,
and every place where the two sources disagree ("the sources differ" cards).

The cards are content, in scenes/reality.yaml; this module holds their model and builds it
from the checked file. Each account names its source (from sources.yaml) and the part of it.
"""
from __future__ import annotations

from ..content.records import record

CHECK_QUESTION = ""  # a card without its own question: the screens ask t("reality.check_question")


@record
class Said:
    source: str    # source id
    section: str   # the part of the source
    text: str


@record
class Comparison:
    """One topic: the film's fiction on one side, facts about the real world on the other."""

    topic: str
    film: Said
    real: Said
    note: str = ""   # what the sources do not tell us


@record
class DifferCard:
    topic: str
    accounts: tuple[Said, ...]
    question: str = CHECK_QUESTION
    hint: str = ""   # a more specific way in, shown under the question


@record
class Reality:
    """The 'Film and reality' section: comparisons first, then the differ cards."""

    comparisons: tuple[Comparison, ...] = ()
    differ: tuple[DifferCard, ...] = ()


def reality_from_content(content) -> Reality:
    """Build the section from scenes/reality.yaml (already schema-checked), reporting unknown sources."""
    from ..content.validate import check_known  # checking content only: not imported to play a cached story
    docs = content.documents.get("reality", [])
    if not docs:
        return Reality()
    doc, known = docs[0], set(content.story.sources)

    def said(data: dict, path: tuple) -> Said:
        check_known(content.problems, doc.mark(path + ("source",)), "source", data["source"], known, "sources.yaml")
        return Said(data["source"], data["section"], data["says"])

    data = doc.data
    comparisons = tuple(
        Comparison(c["topic"], said(c["film"], ("comparisons", i, "film")), said(c["real"], ("comparisons", i, "real")),
                   c.get("note", ""))
        for i, c in enumerate(data.get("comparisons", ())))
    differ = tuple(
        DifferCard(c["topic"], tuple(said(a, ("differ", i, "accounts", j)) for j, a in enumerate(c["accounts"])),
                   c.get("question", CHECK_QUESTION), c.get("hint", ""))
        for i, c in enumerate(data.get("differ", ())))
    return Reality(comparisons, differ)
