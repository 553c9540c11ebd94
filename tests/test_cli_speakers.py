"""`digestbot speakers` and `quotes` tell organisations from people, end to end in a real subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import run

ARTICLE = """Harbour council to shut two day centres

By Sam Writer

Harbour Borough Council is to shut two of its day centres for older people next spring.

"We have looked at every other option and none of them keeps both centres open for long," the council said.

"The council could not say where we would work next year," said Tom Baxter, regional organiser for Allied Care Union.

"Families deserve better than a letter through the door telling them the centre is closing," Mr Baxter said.
"""

SECOND = """Union warns over day centre staff

By Sam Writer

The Allied Care Union has written to Harbour Borough Council about staff at its day centres.

"Staff have been left in the dark for months and deserve answers," a spokesperson for the Allied Care Union said.
"""


def test_speakers_marks_organisations_and_quotes_attribute_their_statements(tmp_path: Path) -> None:
    folder = tmp_path / "cuttings"
    folder.mkdir()
    (folder / "day_centres.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "union.txt").write_text(SECOND, encoding="utf-8")
    assert run(tmp_path, "ingest", str(folder)).returncode == 0
    listed = run(tmp_path, "speakers")
    assert listed.returncode == 0, listed.stderr
    lines = [line.split(maxsplit=1) for line in listed.stdout.splitlines()]
    assert ["2", "Tom Baxter"] in lines  # a person: no tag
    assert ["1", "Harbour Borough Council (organisation)"] in lines  # "the council said": the council named
    assert ["1", "Allied Care Union (organisation)"] in lines
    quotes = run(tmp_path, "quotes", "--speaker", "Allied Care Union")
    assert quotes.returncode == 0, quotes.stderr
    assert "— Allied Care Union (statement);" in quotes.stdout
    person = run(tmp_path, "quotes", "--speaker", "Baxter")
    assert "— Tom Baxter, regional organiser for Allied Care Union;" in person.stdout
