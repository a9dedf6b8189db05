"""The gazetteer: reference tables load, join, and answer lookups in any spelling."""
from __future__ import annotations

import csv

import pytest

from covidlib import config
from covidlib.reference import gazetteer
from covidlib.reference.gazetteer import find_districts, province


def test_provinces_are_the_63_units_with_their_published_totals():
    provs = gazetteer.provinces()
    assert len(provs) == 63
    assert len({p.code for p in provs}) == 63 and all(len(p.code) == 2 for p in provs)
    assert sorted(p.name for p in provs if p.is_central_city) == ["Cần Thơ", "Hà Nội", "Hải Phòng", "Hồ Chí Minh", "Đà Nẵng"]
    assert sum(p.population_2019 for p in provs) == 96_208_984
    assert province("Thừa Thiên Huế").successor_2025 == "Huế"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("TP.HCM", "Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("Sài Gòn", "Hồ Chí Minh"),
        ("TT-Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("thừa thiên huế", "Thừa Thiên Huế"),
        ("Tỉnh Hoà Bình", "Hòa Bình"),
        ("hoa binh", "Hòa Bình"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Ba Ria - Vung Tau", "Bà Rịa - Vũng Tàu"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("46", "Thừa Thiên Huế"),
        ("1", "Hà Nội"),
        ("01", "Hà Nội"),
    ],
)
def test_province_lookup_accepts_aliases_codes_and_plain_spellings(query, expected):
    assert province(query).name == expected


@pytest.mark.parametrize("query", ["Việt Nam", "Tây Nguyên", "Thủ Đức", "Quận 1", "99", "Phường 4", ""])
def test_province_lookup_rejects_what_is_no_province(query):
    assert province(query) is None


def test_every_alias_resolves_to_its_own_province():
    wrong = [(a.alias, a.province) for a in gazetteer.aliases() if province(a.alias).name != a.province]
    assert wrong == []


@pytest.mark.parametrize(
    "name, provinces",
    [
        ("Nậm Pồ", {"Điện Biên"}),
        ("Điện Biên Phủ", {"Điện Biên"}),
        ("Vĩnh Bảo", {"Hải Phòng"}),
        ("Thuận An", {"Bình Dương"}),
        ("Dĩ An", {"Bình Dương"}),
        ("Thường Tín", {"Hà Nội"}),
        ("Cầu Giấy", {"Hà Nội"}),
        ("Huế", {"Thừa Thiên Huế"}),
        ("Phú Xuân", {"Thừa Thiên Huế"}),
        ("Yên Dũng", {"Bắc Giang"}),
        ("Hoàng Mai", {"Hà Nội", "Nghệ An"}),
        ("Quảng Ninh", {"Quảng Bình"}),
        ("Quận 7", {"Hồ Chí Minh"}),
        ("nam tu liem", {"Hà Nội"}),
        ("Hiệp Hoà", {"Bắc Giang"}),
    ],
)
def test_district_lookup_keeps_every_province_that_has_the_name(name, provinces):
    assert {d.province for d in find_districts(name)} == provinces


def test_district_lookup_narrows_by_province_and_type_and_keeps_diacritics():
    assert len({d.province for d in find_districts("Châu Thành")}) >= 5
    assert [d.province for d in find_districts("Châu Thành", province="Tiền Giang")] == ["Tiền Giang"]
    assert [d.type for d in find_districts("Điện Biên", district_type="huyện")] == ["huyện"]
    assert find_districts("Điện Biên", district_type="thành phố") == []
    assert find_districts("thuong tin")[0].name == "Thường Tín"
    assert find_districts("Cầu Giấy", province="Đà Nẵng") == []


@pytest.mark.parametrize("name", ["Bình Nhâm", "Mỹ Đình", "Tây Nguyên", "Việt Nam", "Bạch Mai"])
def test_district_lookup_finds_nothing_for_wards_and_regions(name):
    assert find_districts(name) == []


def test_district_table_joins_the_province_table():
    provs = {p.code: p.name for p in gazetteer.provinces()}
    dists = gazetteer.districts()
    assert len(dists) > 700
    assert all(provs[d.province_code] == d.province for d in dists)
    assert {d.province for d in dists} == set(provs.values())
    assert {d.type for d in dists} == {"quận", "huyện", "thị xã", "thành phố"}
    assert all(d.full_name.endswith(d.name) for d in dists)


def test_district_csv_has_the_documented_columns_and_snapshot_flags():
    with open(config.REFERENCE_DIR / "districts.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    lists = ["in_2020_list", "in_2023_list", "in_2025_list"]
    assert list(rows[0]) == ["province", "province_code", "district", "district_type", "district_code",
                             "full_name", *lists]
    assert all("1" in (r[column] for column in lists) for r in rows)
    hue = [r for r in rows if r["district"] == "Huế"]
    assert [(r["province"], r["in_2023_list"], r["in_2025_list"]) for r in hue] == [("Thừa Thiên Huế", "1", "0")]
    # HCM's districts merged into thành phố Thủ Đức on 2021-01-01 are only in the 2020 list
    merged = {r["full_name"]: (r["province"], [r[c] for c in lists]) for r in rows if r["district_code"] in ("762", "763")}
    assert merged == {"Quận Thủ Đức": ("Hồ Chí Minh", ["1", "0", "0"]), "Quận 9": ("Hồ Chí Minh", ["1", "0", "0"])}


@pytest.mark.parametrize("sentence, district", [
    ("Quận 9 của TP.HCM ghi nhận thêm 15 ca mắc COVID-19.", "Quận 9"),
    ("Trong ngày, quận 2 (TP.HCM) có 8 ca mắc mới.", "Quận 2"),
    ("Huyện Tĩnh Gia, tỉnh Thanh Hóa lập chốt kiểm soát dịch.", "Tĩnh Gia"),
])
def test_districts_dissolved_before_2023_are_found(sentence, district):
    from covidlib.extract.places import extract_places
    from covidlib.document import Article
    from covidlib.text.sentences import split_sentences

    article = Article("a", "a.txt", sentence, sentence, sentences=split_sentences(sentence))
    assert district in {s.data.get("district") for s in extract_places(article)}


def test_reference_readme_describes_each_table_it_ships():
    readme = (config.REFERENCE_DIR / "README.md").read_text(encoding="utf-8")
    for name in ["provinces_2008_2025.csv", "province_aliases.csv", "districts.csv", "provinces_63.geojson",
                 "official_case_counts.csv.gz"]:
        assert f"`{name}`" in readme
        assert (config.REFERENCE_DIR / name).exists()
