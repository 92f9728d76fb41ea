from bordermap.project import PLACES_HEADER
from bordermap.suggest import suggest
from bordermap.text import Text

from conftest import ROOT, SEEDS, run_cli

SEED = next(SEEDS.glob("*.txt"))


def _suggest(content: str, world, places=()):
    text = Text("t", "t.txt", content)
    suggestions, _ = suggest([text], list(places), [], [world], world.keys())
    return {s.phrase: s for s in suggestions}


def _new_project(tmp_path):
    project = tmp_path / "post"
    assert run_cli("init", str(project), str(SEED)).returncode == 0
    return project


def test_suggest_on_the_bundled_post_finds_hoeryong_the_tumen_river_china_and_north_korea(tmp_path, world_gazetteer):
    result = run_cli("suggest", cwd=_new_project(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = {line.split("  ")[0]: line for line in result.stdout.splitlines()[1:]}
    assert "Hoeryŏng (KP)" in rows["Hoeryong"] and "42.44113, 129.74601" in rows["Hoeryong"]
    assert "China (CN)" in rows["China"] and "North Korea (KP)" in rows["North Korea"]
    assert "(not in a gazetteer)" in rows["Tumen River"]
    assert "held back:" in result.stderr and "The (" not in result.stdout


def test_places_the_files_already_name_are_not_suggested_again(world_gazetteer):
    result = run_cli("suggest", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    mentions = [line.split("  ")[0] for line in result.stdout.splitlines()[1:]]
    assert "Hoeryong" not in mentions and "Tumen River" not in mentions
    assert "mentions of places already in the files" in result.stderr


def test_write_appends_unreviewed_rows_that_read_back_and_build(tmp_path, world_gazetteer):
    project = _new_project(tmp_path)
    before = (project / "places.csv").read_bytes()
    result = run_cli("suggest", "--write", "--min-confidence", "0.7", cwd=project)
    assert result.returncode == 0, result.stderr
    content = (project / "places.csv").read_bytes()
    assert content.startswith(before)
    rows = content.decode().splitlines()[1:]
    assert rows and all(row.endswith(",suggested") for row in rows)
    assert any(row.startswith("hoeryong,Hoeryŏng,town,42.44113,129.74601,2000,Hoeryong,KP,") for row in rows)
    build = run_cli("build", cwd=project)
    assert build.returncode == 0, build.stderr
    assert "typo" not in build.stderr and "larger than the whole map" not in build.stderr
    again = run_cli("suggest", cwd=project)
    assert "Hoeryong" not in [line.split("  ")[0] for line in again.stdout.splitlines()[1:]]


def test_write_into_a_header_without_a_status_column_adds_nothing(tmp_path, world_gazetteer):
    project = _new_project(tmp_path)
    (project / "places.csv").write_text(PLACES_HEADER.replace(",status", ""), encoding="utf-8")
    before = (project / "places.csv").read_bytes()
    result = run_cli("suggest", "--write", cwd=project)
    assert result.returncode == 1
    assert result.stderr == ("places.csv:1:1: the header has no 'status' column, which marks suggested rows; add "
                             "',status' to the end of the header line, then run suggest --write again\n")
    assert (project / "places.csv").read_bytes() == before


def test_a_common_word_that_is_also_a_town_is_held_back(world_gazetteer):
    found = _suggest("We drove from Narva to Ivangorod.\nReading about the castle, I was reading late.\n",
                     world_gazetteer)
    assert found["Narva"].chosen.country == "EE" and found["Narva"].confidence >= 0.5
    assert found["Ivangorod"].chosen.country == "RU"
    assert found["Reading"].confidence < 0.5 and "common word" in found["Reading"].why


def test_the_candidate_near_the_texts_other_places_is_chosen(world_gazetteer):
    maine = _suggest("From Bangor we drove to Augusta, then to Portland.\n", world_gazetteer)["Portland"]
    oregon = _suggest("From Salem we drove to Eugene, then to Portland and Beaverton.\n", world_gazetteer)["Portland"]
    assert (maine.chosen.country, maine.chosen.admin1) == ("US", "ME")
    assert (oregon.chosen.country, oregon.chosen.admin1) == ("US", "OR")
