"""Fidelity to the two source documents (issue 13), held where a machine can hold it.

The rule for every fact, differ, quiz, timeline, reality and summary text is "the cited source says
this, in these terms". A test cannot read meaning, but it can catch the three slips the review found:
an award row turned into a win, a card citing a section its source does not have, and a source's
sentence copied into our prose. Each check reports file:line so a writer can go straight to the text.
The checks read the YAML themselves (not the loader's model) so that every string keeps its line.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from game import paths

SCENES = paths.SCENES
RUN = 10  # words in a row that count as copying
STR_TAG = "tag:yaml.org,2002:str"
WIN_WORDS = re.compile(r"\b(won|wins?|winners?|winning|prizes?)\b")
# Words that put a sentence about an award row, besides the table's own ceremony and category names
# (award_markers): "award" itself, the infobox's spelling "PaekSang", and "grand prize", the short form
# of two category titles ("Grand Prize for Film", "Grand Prize in Film").
EXTRA_MARKERS = ("award", "paeksang", "grand prize")
IDENTIFIER = re.compile(r"[a-z0-9_]+")   # ids and keys-as-values (sources, lanes, scenes): not prose
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A quotation: "…", “…”, or '…' opened after a space or bracket and closed before a non-letter (so the
# apostrophe in "encyclopedia's" neither opens nor closes one).
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<![\w'])'(?:[^']|'(?=\w))*'(?!\w)")

# The sections each source has. The encyclopedia's come from its own "==Heading==" lines plus the two
# parts above the first heading (the infobox and the opening paragraph). The film-database page has no
# headings in the stored text, so its parts are named by what they are: the infobox lines at the top,
# the introduction paragraph, the plot paragraphs, the bulleted cast list, the "Box office" block and
# the remake paragraph (the same names docs/classroom.md gives teachers).
FILMDB_SECTIONS = ("Infobox", "Introduction", "Plot", "Cast", "Box office", "Remakes")


@dataclass(frozen=True)
class Text:
    """One string value in a content file, with where it is and what surrounds it."""

    file: str
    line: int
    key: str
    value: str
    siblings: dict = field(default_factory=dict, compare=False, hash=False)  # the plain values beside it
    lineage: tuple = ()   # the keys of every enclosing mapping, outermost first

    def where(self) -> str:
        return f"{self.file}:{self.line}"


# --- reading the content and the seeds ----------------------------------------------------------------

def content_texts(root: Path = SCENES) -> list[Text]:
    """Every string value in every YAML file under `root`, with its file:line (not the translations under
    lang/: they say what the English says, in another language; tests/test_i18n_shipped.py checks them)."""
    texts: list[Text] = []
    for path in sorted(root.rglob("*.yaml")):
        if path.relative_to(root).parts[0] == "lang":
            continue
        rel = f"scenes/{path.relative_to(root).as_posix()}"
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        if node is not None:
            texts.extend(_walk(node, rel, "", {}, ()))
    return texts


def _walk(node: yaml.Node, rel: str, key: str, siblings: dict, lineage: tuple) -> Iterator[Text]:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == STR_TAG and node.value.strip():
            yield Text(rel, node.start_mark.line + 1, key, node.value, siblings, lineage)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, rel, key, siblings, lineage)
    elif isinstance(node, yaml.MappingNode):
        plain = {k.value: v.value for k, v in node.value if isinstance(v, yaml.ScalarNode)}
        plain.update({k.value: [i.value for i in v.value if isinstance(i, yaml.ScalarNode)]
                      for k, v in node.value if isinstance(v, yaml.SequenceNode)})
        keys = tuple(k.value for k, _ in node.value)
        for k, v in node.value:
            yield from _walk(v, rel, k.value, plain, lineage + (keys,))


def load_sources(root: Path = SCENES) -> dict[str, dict]:
    """sources.yaml by id."""
    data = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s for s in data["sources"]}


def seed_texts(root: Path = SCENES) -> dict[str, str]:
    """Each source's stored document, found from sources.yaml's `file:` (relative to the repo's parent)."""
    found = {}
    for sid, src in load_sources(root).items():
        for base in (paths.ROOT.parent, Path("/work")):
            if (base / src["file"]).is_file():
                found[sid] = (base / src["file"]).read_text(encoding="utf-8")
                break
    return found


def words(text: str) -> list[str]:
    """Lower-case words with punctuation dropped ("Seung-ryong's" -> seung, ryong, s)."""
    return re.findall(r"[^\W_]+", text.lower())


def known_sections(seeds: dict[str, str]) -> dict[str, set[str]]:
    """The section names each source really has (see FILMDB_SECTIONS for the film-database page)."""
    out = {"filmdb": {s.lower() for s in FILMDB_SECTIONS}}
    if "encyclopedia" in seeds:
        headings = re.findall(r"^==\s*([^=]+?)\s*==\s*$", seeds["encyclopedia"], re.M)
        out["encyclopedia"] = {"infobox", "opening paragraph"} | {h.lower() for h in headings}
    return out


# --- names that may be written exactly as the sources write them ----------------------------------------

def award_rows(encyclopedia: str) -> list[list[str]]:
    """The cells of the encyclopedia's awards table, one list per row."""
    part = encyclopedia.split("==Awards and nominations==", 1)[-1].split("\n==", 1)[0]
    return [[c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
            for line in part.splitlines() if line.startswith("|")][1:]   # [1:] drops the header row


def cast_names(seed: str) -> list[str]:
    """Actor and role names from a cast list ("X as Y") and an infobox "Cast" line ("X (Y), …")."""
    names: list[str] = []
    for actor, role in re.findall(r"^\s*(?:-|•)\s*(.+?) as (.+?)\s*$", seed, re.M):
        names += [actor, re.sub(r"\s*\(.*?\)", "", role), role]
    for line in re.findall(r"^Cast\s+(.+)$", seed, re.M):
        for entry in re.split(r"\),\s*", line):
            names += [n for n in re.split(r"\s*\(+", entry.rstrip(")")) if n]
    return names


def exempt_names(seeds: dict[str, str]) -> list[list[str]]:
    """Name phrases (as word lists, longest first) that count as one word, in our text and the seeds alike.

    Why each is exempt: a name can only be written one way, so sharing it with a source is not copying;
    but a sentence copied around a name is still a copied sentence, so a name shrinks to one word
    instead of breaking the run.
    - every cell of the encyclopedia's awards table: ceremony names, category titles, recipients;
    - the film-database infobox's one award title ("PaekSang Arts Award Grand Prize in Film");
    - the cast names in both sources: actors, roles, and the infobox's romanised forms.
    """
    phrases: list[str] = []
    if "encyclopedia" in seeds:
        phrases += [cell for row in award_rows(seeds["encyclopedia"]) for cell in row]
    for seed in seeds.values():
        phrases += re.findall(r"^Awards\s+(.+)$", seed, re.M)
        phrases += cast_names(seed)
    unique = {tuple(words(p)) for p in phrases if words(p)}
    return [list(p) for p in sorted(unique, key=len, reverse=True)]


NAME = "\x01"   # what an exempt name shrinks to


def mask(tokens: list[str], names: list[list[str]]) -> list[str]:
    """`tokens` with every exempt name shrunk to the one word NAME."""
    out = list(tokens)
    for name in names:
        n, i = len(name), 0
        while i + n <= len(out):
            if out[i:i + n] == name:
                out[i:i + n] = [NAME]
            i += 1
    return out


# --- the three checks, as functions a test (and the self-test below) can call ---------------------------

def source_names(sources: dict[str, dict]) -> list[str]:
    return ["encyclopedia", "film-database", "film database"] + [s["title"].lower() for s in sources.values()]


def names_a_source(text: Text, sources: dict[str, dict]) -> bool:
    """A quotation is fair only with its source named: in the text itself, or as the card's `source:`."""
    return "source" in text.siblings or any(n in text.value.lower() for n in source_names(sources))


def copied_runs(text: Text, seeds: dict[str, str], names: list[list[str]], sources: dict[str, dict],
                grams: dict[str, set[tuple[str, ...]]] | None = None) -> list[tuple[str, str]]:
    """(seed id, shared words) for each run of RUN words this text shares with a seed outside a fair quote."""
    grams = grams or seed_grams(seeds, names)
    value = QUOTED.sub(" \x00 ", text.value) if names_a_source(text, sources) else text.value
    found: list[tuple[str, str]] = []
    for segment in value.split("\x00"):
        tokens = mask(words(segment), names)
        i = 0
        while i + RUN <= len(tokens):
            window = tokens[i:i + RUN]
            hit = next((s for s, g in grams.items() if tuple(window) in g), None)
            if hit:
                end = i + RUN
                while end < len(tokens) and tuple(tokens[end - RUN + 1:end + 1]) in grams[hit]:
                    end += 1
                found.append((hit, " ".join(t.replace(NAME, "<name>") for t in tokens[i:end])))
                i = end
            else:
                i += 1
    return found


def seed_grams(seeds: dict[str, str], names: list[list[str]]) -> dict[str, set[tuple[str, ...]]]:
    """Every run of RUN words in each seed, names shrunk as in our texts."""
    out = {}
    for sid, text in seeds.items():
        w = mask(words(text), names)
        out[sid] = {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}
    return out


def is_classroom_text(text: Text) -> bool:
    """Quiz, timeline and reality texts, and the fact and differ cards inside scenes."""
    if text.file.startswith(("scenes/quiz/", "scenes/timeline/")) or text.file == "scenes/reality.yaml":
        return True
    if not text.file.startswith("scenes/story/"):
        return False
    return any("fact" in keys or "differ" in keys for keys in text.lineage)


def award_markers(encyclopedia: str) -> re.Pattern:
    """A pattern for the ceremony and category names of the awards table, and EXTRA_MARKERS."""
    names = set(EXTRA_MARKERS)
    for row in award_rows(encyclopedia):
        names.update(" ".join(words(cell)) for cell in row[:-1])   # the last cell is the recipient
    return re.compile("|".join(rf"\b{re.escape(n)}" for n in sorted(names, key=len, reverse=True)))


def award_entry(text: Text) -> bool:
    """The whole entry is about an award row: the awards lane or quiz topic, or an awards section."""
    s = text.siblings
    return s.get("lane") == "awards" or s.get("about") == "awards" or "award" in str(s.get("section", "")).lower()


def win_claims(text: Text, seeds: dict[str, str], names: list[list[str]]) -> list[str]:
    """Sentences that call an award row a win or a prize when the cited source does not."""
    cited = text.siblings.get("source")
    cited = cited if isinstance(cited, list) else [cited] if cited else list(seeds)
    allowed = set().union(*(source_win_words(seeds.get(c, ""), names) for c in cited))
    markers = award_markers(seeds.get("encyclopedia", ""))
    if IDENTIFIER.fullmatch(text.value):
        return []
    sentences = [text.value] if award_entry(text) else SENTENCE_END.split(text.value)
    bad = []
    for sentence in sentences:
        masked = " ".join(mask(words(sentence), names))
        if not (award_entry(text) or markers.search(" ".join(words(sentence)))):
            continue
        claims = {m.group(1) for m in WIN_WORDS.finditer(masked)} - allowed
        if claims:
            bad.append(f"{sorted(claims)} in: {sentence}")
    return bad


def source_win_words(seed: str, names: list[list[str]]) -> set[str]:
    """Win words a source itself uses on its award lines, once award titles and names are set aside."""
    lines = [ln for ln in seed.splitlines() if ln.startswith("|") or ln.startswith("Awards")]
    masked = " ".join(t for ln in lines for t in mask(words(ln), names))
    return {m.group(1) for m in WIN_WORDS.finditer(masked)}


def section_problems(section: str, cited: list[str], sections: dict[str, set[str]]) -> list[str]:
    """Why `section` does not name a real part of each cited source ("" list when it does).

    Form: parts joined by "; ", each "Name" or "Name (source id)" or "Name (a note)".
    """
    problems, covered = [], set()
    for part in (p.strip() for p in section.split(";")):
        m = re.fullmatch(r"([^()]+?)\s*(?:\(([^()]*)\))?", part)
        if not m:
            problems.append(f"cannot read section part {part!r}")
            continue
        name, note = m.group(1).lower(), (m.group(2) or "").strip()
        owners = [note] if note in sections else cited
        fits = [s for s in owners if name in sections.get(s, set())]
        if not fits:
            problems.append(f"{m.group(1)!r} is not a section of {' or '.join(owners)}")
        covered.update(fits)
    problems += [f"no section of {s} named" for s in cited if s not in covered and s in sections]
    return problems


# --- fixtures -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    found = seed_texts()
    if set(found) != set(load_sources()):
        pytest.skip("the seed documents (shared/seeds) are not beside this checkout")
    return found


@pytest.fixture(scope="module")
def texts() -> list[Text]:
    return content_texts()


@pytest.fixture(scope="module")
def names(seeds) -> list[list[str]]:
    return exempt_names(seeds)


# --- (a) awards: listed is not won ----------------------------------------------------------------------

def test_no_award_row_is_called_a_win_or_a_prize(texts, seeds, names):
    bad = [f"{t.where()}: {claim}" for t in texts if is_classroom_text(t) for claim in win_claims(t, seeds, names)]
    assert not bad, "award rows called wins or prizes that their source only lists:\n" + "\n".join(bad)


# --- (b) sources and sections ---------------------------------------------------------------------------

def cited_entries(texts: list[Text]) -> dict[tuple[str, int], Text]:
    """One Text per mapping that cites a source (keyed by file and the line of its `source:`)."""
    out = {}
    for t in texts:
        if t.key == "source":
            out.setdefault((t.file, t.line), t)
    return out


def test_every_cited_source_exists(texts):
    sources = load_sources()
    bad = [f"{t.where()}: unknown source {t.value!r}" for t in texts if t.key == "source" and t.value not in sources]
    assert not bad, "\n".join(bad)


def test_every_card_question_and_event_names_a_section_of_its_source(texts, seeds):
    """Facts, quiz answers, timeline events and reality accounts: `section:` names a real part of the source."""
    sections = known_sections(seeds)
    bad = []
    for t in cited_entries(texts).values():
        s = t.siblings
        if set(t.lineage[-1]) == {"source", "says"}:
            continue   # a scene differ account (checked below) or a timeline event's differ line (its event names it)
        cited = s["source"] if isinstance(s["source"], list) else [s["source"]]
        if "section" not in s:
            bad.append(f"{t.where()}: cites {', '.join(cited)} but names no section")
            continue
        bad += [f"{t.where()}: section {s['section']!r}: {p}" for p in section_problems(s["section"], cited, sections)]
    assert not bad, "\n".join(bad)


def test_every_scene_differ_account_names_a_section(texts, seeds):
    """A 'sources differ' card in a scene names, for each account, the part of the source it rests on.

    Scene differ accounts have no `section:` field yet (schema: source and says only); until the scene
    schema has one and the cards fill it, this test lists every account that lacks it.
    """
    sections = known_sections(seeds)
    bad = []
    for t in texts:
        if not (t.file.startswith("scenes/story/") and t.key == "source"
                and any("differ" in keys for keys in t.lineage[:-1])):
            continue
        if "section" not in t.siblings:
            bad.append(f"{t.where()}: {t.value} account names no section")
        else:
            bad += [f"{t.where()}: {p}" for p in section_problems(t.siblings["section"], [t.value], sections)]
    assert not bad, "\n".join(bad)


# --- (c) our own words --------------------------------------------------------------------------------

def test_no_ten_word_run_is_copied_from_a_seed(texts, seeds, names):
    sources, grams = load_sources(), seed_grams(seeds, names)
    bad = [f"{t.where()} [{seed}]: {shared}" for t in texts
           for seed, shared in copied_runs(t, seeds, names, sources, grams)]
    assert not bad, f"runs of {RUN}+ words shared with a seed, outside a named quotation:\n" + "\n".join(bad)


# --- the checks can fail --------------------------------------------------------------------------------

def _fake(value: str, **siblings) -> Text:
    return Text("scenes/quiz/x.yaml", 1, "explanation", value, siblings, (tuple(siblings),))


def test_the_checks_catch_what_they_are_for(seeds, names):
    sources = load_sources()
    sections = known_sections(seeds)
    # (a) a win claimed on a listed row, in an awards entry and in a stray sentence elsewhere
    assert win_claims(_fake("Ryu Seung-ryong won Best Actor.", about="awards", source="encyclopedia"), seeds, names)
    assert win_claims(_fake("It is moving. It won at the Blue Dragon Film Awards.", source="filmdb"), seeds, names)
    assert win_claims(_fake("Nobody says who won the Grand Prize.", source="filmdb"), seeds, names)
    assert not win_claims(_fake("It is moving. Nobody won anything.", source="filmdb"), seeds, names)
    assert win_claims(_fake("Oh Dal-su took a prize at the 50th Grand Bell Awards.", source="encyclopedia"),
                      seeds, names)
    # ... but award titles and names that contain the words are not claims
    assert not win_claims(_fake("The table lists Kal So-won under Special Jury Prize, and Park Won-sang nowhere.",
                                about="awards", source="encyclopedia"), seeds, names)
    assert not win_claims(_fake("Its infobox names the PaekSang Arts Award Grand Prize in Film.",
                                about="awards", source="filmdb"), seeds, names)
    # (b) sections
    assert section_problems("Introduction", ["encyclopedia"], sections)
    assert section_problems("Box office; Awards and nominations", ["filmdb"], sections)
    assert not section_problems("Opening paragraph (encyclopedia); Introduction (filmdb)",
                                ["encyclopedia", "filmdb"], sections)
    assert not section_problems("Remakes (text and table)", ["encyclopedia", "filmdb"], sections)
    # (c) a copied sentence is caught with its seed; quoted and named it is fair; unnamed it is not
    copied = "They believe that he is a good man who just happened to be in the wrong place at the wrong time."
    [(seed, shared)] = copied_runs(_fake(copied), seeds, names, sources)
    assert seed == "filmdb" and shared.startswith("believe that he is a good man")
    quoted = 'The film-database page says he "just happened to be in the wrong place at the wrong time" indeed.'
    assert not copied_runs(_fake(quoted), seeds, names, sources)
    assert copied_runs(_fake(quoted.replace("The film-database page", "Someone")), seeds, names, sources)
    # ... a run made of cast names is not copying, but a sentence copied around a name still is
    cast = "It stars Ryu Seung-ryong, Kal So-won, Park Shin-hye, Jung Jin-young, Oh Dal-su and Park Won-sang."
    assert not copied_runs(_fake(cast), seeds, names, sources)
    around = "The inmates successfully smuggle Ye-sung into the prison when her choir visits."
    assert copied_runs(_fake(around), seeds, names, sources)[0][1].startswith("the inmates successfully smuggle <name>")


def test_every_content_file_is_read(texts):
    files = {t.file for t in texts}
    assert {"scenes/reality.yaml", "scenes/story.yaml", "scenes/sources.yaml"} <= files
    assert any(f.startswith("scenes/quiz/") for f in files) and any(f.startswith("scenes/story/") for f in files)
