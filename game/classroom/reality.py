"""'Film and reality': what the two sources say about the real world, beside the film's fiction,
and every place where the two sources disagree ("the sources differ" cards).

All of it rests only on the two documents in scenes/sources.yaml ('encyclopedia' and
'filmdb'); each account names its source and the part of it. Written in our own words.
"""
from __future__ import annotations

from dataclasses import dataclass

CHECK_QUESTION = "How would you check which is right?"


@dataclass(frozen=True)
class Said:
    source: str    # source id
    section: str   # the part of the source
    text: str


@dataclass(frozen=True)
class Comparison:
    """One topic: the film's fiction on one side, facts about the real world on the other."""

    topic: str
    film: Said
    real: Said
    note: str = ""   # what the sources do not tell us


@dataclass(frozen=True)
class DifferCard:
    topic: str
    accounts: tuple[Said, ...]
    question: str = CHECK_QUESTION
    hint: str = ""   # a more specific way in, shown under the question


COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "The crime",
        Said("encyclopedia", "Plot", "In 1997 a police commissioner's young daughter slips on an icy market street and "
             "dies. Nobody killed her: it is an accident."),
        Said("encyclopedia", "Opening paragraph", "On September 27, 1972, in Chuncheon, a nine-year-old girl was "
             "raped and murdered. The film is based on the story of the man who was blamed for it."),
        "The sources do not name the real man, nor say who really committed the 1972 crime."),
    Comparison(
        "The confession",
        Said("filmdb", "Plot", "The police take advantage of Yong-gu's disability to make him admit to crimes he did "
             "not commit, and ignore the evidence that would clear him."),
        Said("encyclopedia", "Opening paragraph", "The real man was tortured until he pleaded guilty to the rape "
             "and murder: a confession made under duress."),
        "The sources do not say how long the real man spent in prison."),
    Comparison(
        "Cleared",
        Said("encyclopedia", "Plot", "Sixteen years later, a mock trial in a training court acquits Yong-gu after his "
             "death. It brings closure, but it has no legal weight."),
        Said("encyclopedia", "Opening paragraph", "The real man was finally exonerated in November 2008, some 36 "
             "years after the crime."),
        "In the film Yong-gu is executed; the sources do not say the real man was."),
    Comparison(
        "See also: Joe Arridy",
        Said("encyclopedia", "Plot", "Yong-gu, a man with a developmental disability, is sentenced to death for a "
             "crime he did not commit and executed on December 23."),
        Said("encyclopedia", "See also", "Joe Arridy, an American man with a mental disability, was put to death "
             "after a false conviction for rape."),
        "The sources give no date or place for Joe Arridy's case: to learn more you would need another source."),
)

DIFFER_CARDS: tuple[DifferCard, ...] = (
    DifferCard("How the family's names are spelled", (
        Said("encyclopedia", "Plot; Cast", "The father is Lee Yong-gu and his daughter Lee Ye-sung."),
        Said("filmdb", "Plot; Cast", "Its plot calls them Yong-go and Ye-seung; its cast list writes Yonggu and "
             "Yeseung, and also Lee Yong-gu and Ye-sung.")),
        hint="Both are ways of writing the same Korean names in Latin letters."),
    DifferCard("Where the film ranks at the box office", (
        Said("encyclopedia", "Box office", "With 12.32 million tickets by March 15, 2013, it ranks seventh "
             "among all Korean films by earnings."),
        Said("filmdb", "Box office", "The same figures and the same date, but it ranks fifth among all "
             "Korean films by earnings.")),
        hint="A ranking changes as new films come out: when was each page written?"),
    DifferCard("What kind of trial ends the film", (
        Said("encyclopedia", "Plot", "Ye-sung, still training to be a lawyer, holds a mock trial in a training "
             "court. Its acquittal gives closure but carries no legal weight."),
        Said("filmdb", "Plot", "Ye-seung has become a lawyer and wins a real retrial that ends in her father's "
             "acquittal."))),
    DifferCard("Who brought Ye-sung up", (
        Said("filmdb", "Plot", "The warden, Jang Min-hwan, formally adopted her."),
        Said("encyclopedia", "Plot", "Says nothing about an adoption: the warden is simply present, silent, at the "
             "training-court trial.")),
        hint="A detail found in only one source: is it missing from the other, or wrong in the first?"),
    DifferCard("How the girl dies", (
        Said("encyclopedia", "Plot", "She slips on the frozen ground, and then a falling brick hits her head."),
        Said("filmdb", "Plot", "She slips on the ice, and the fall itself kills her: she strikes the back of her "
             "head."))),
    DifferCard("How long afterwards the ending takes place", (
        Said("encyclopedia", "Plot", "Sixteen years later, in the present."),
        Said("filmdb", "Plot", "Only 'years after' the execution, with no number."))),
    DifferCard("Whether the film is based on a real case", (
        Said("encyclopedia", "Opening paragraph", "Yes: it names the 1972 Chuncheon case and the man's exoneration "
             "in 2008."),
        Said("filmdb", "Introduction; Plot", "Does not mention any real case at all.")),
        hint="Silence is not disagreement, but it changes what a reader of only one source would believe."),
    DifferCard("What the balloon was for", (
        Said("encyclopedia", "Plot", "An escape: the inmates launch Yong-gu and Ye-sung during a prison concert, "
             "until the rope catches on the barbed wire."),
        Said("filmdb", "Plot", "A farewell: father and daughter board it to watch their last sunset together."))),
    DifferCard("The commissioner before the trial", (
        Said("encyclopedia", "Plot", "He beats Yong-gu in a rage and threatens to kill his daughter unless he "
             "confesses."),
        Said("filmdb", "Plot", "He threatens Ye-seung's safety; no beating is mentioned."))),
    DifferCard("The Hindi remake", (
        Said("encyclopedia", "Remakes", "Kross Pictures was to make it with Umesh Shukla directing, but in the end it "
             "was not made."),
        Said("filmdb", "Remakes", "Kross Pictures is to produce it with Indian Film Studios, directed by Umesh "
             "Shukla, as if it were still going ahead.")),
        hint="Plans change: which page looks older?"),
    DifferCard("How many remakes there are", (
        Said("encyclopedia", "Remakes", "India (2017), Turkey (2019), the Philippines, Indonesia (2022, with a 2024 "
             "sequel) and Mexico (2025), with more planned in Spain and the United States."),
        Said("filmdb", "Remakes", "Only the Kannada film of 2017 and the planned Hindi version."))),
    DifferCard("Awards", (
        Said("encyclopedia", "Awards and nominations", "A long table of prizes, among them Best Film at the 49th "
             "Baeksang Arts Awards and the Grand Prize for Film for Ryu Seung-ryong."),
        Said("filmdb", "Infobox", "Names a single award: 'PaekSang Arts Award Grand Prize in Film'.")),
        hint="'Baeksang' and 'PaekSang' are two spellings of one award's name."),
    DifferCard("How Yong-gu's disability is described", (
        Said("encyclopedia", "Opening paragraph; Plot", "A man with a developmental disability."),
        Said("filmdb", "Introduction; Plot", "A 'mentally challenged' or 'mentally impaired' man whose mind is "
             "like a six-year-old child's.")),
        hint="Also ask: which words would you use, and why?"),
    DifferCard("Money", (
        Said("encyclopedia", "Infobox", "Gives a gross of $82.1 million."),
        Said("filmdb", "Box office", "Says the first two weeks' 4.6 million admissions equal more than US$30 million, "
             "and that the film had no big stars.")),
        hint="The two figures measure different things: what does each count?"),
)
