"""Build ``data/reference/districts.csv``: the district-level units of 2008-2025 with their province.

The units come from the PyPI package ``vietnam-provinces`` (GSO's list of administrative
units). Version 0.6.0 (data of 2025-01-04) is the main source; older releases add what the
2020-2022 articles name but later lists no longer hold: 0.5.0 (data of 2023-05-07) the
districts merged away in 2024-2025 (huyện Yên Dũng, thị xã Cửa Lò, thành phố Huế before it
split into quận Thuận Hóa and Phú Xuân, ...) and earlier types or names (huyện Việt Yên before
thị xã Việt Yên); 0.2 (a list of about early 2020; the package gives no data date) the units
changed in 2020-2021 (HCM's quận 2, quận 9 and quận Thủ Đức before thành phố Thủ Đức, huyện
Tĩnh Gia before thị xã Nghi Sơn, thị xã Dĩ An before thành phố Dĩ An, ...). Each row is one
(district code, full name) pair.

The project does not depend on ``vietnam-provinces``: install it in throwaway venvs and run
this script from the repository root (``covidlib.normalize`` is imported from the tree)::

    python3 -m venv /tmp/vp && /tmp/vp/bin/pip install vietnam-provinces==0.6.0
    python3 -m venv /tmp/vp5 && /tmp/vp5/bin/pip install vietnam-provinces==0.5.0
    python3 -m venv /tmp/vp2 && /tmp/vp2/bin/pip install vietnam-provinces==0.2
    PYTHONPATH=. /tmp/vp/bin/python scripts/build_districts.py \\
        --earlier-python /tmp/vp5/bin/python --earlier-python /tmp/vp2/bin/python@2020

``PYTHON@YEAR`` names the list's year for a release that carries no data version.

Provinces are named as in ``data/reference/provinces_2008_2025.csv`` (joined by GSO code,
so 0.6.0's "Thành phố Huế" rows land in Thừa Thiên Huế). Names use the new tone-mark
placement ("Hiệp Hòa", not "Hiệp Hoà"), like the province table.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
from pathlib import Path

import vietnam_provinces

from covidlib.normalize import tone_key

ROOT = Path(__file__).resolve().parent.parent
PROVINCES_CSV = ROOT / "data" / "reference" / "provinces_2008_2025.csv"
OUT_CSV = ROOT / "data" / "reference" / "districts.csv"
COLUMNS = ["province", "province_code", "district", "district_type", "district_code",
           "full_name", "in_2020_list", "in_2023_list", "in_2025_list"]

# The type is read from the name: 0.6.0's ``division_type`` says "huyện" for every district.
_TYPE_PREFIX = re.compile(r"^(quận|huyện|thị xã|thành phố)\s+(.+)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d+$")
_PACKAGE_INFO = ("import vietnam_provinces as v; "
                 "print(v.NESTED_DIVISIONS_JSON_PATH); print(getattr(v, '__data_version__', ''))")


def _split_full_name(full_name: str) -> tuple[str, str, str]:
    """Return (name, type, full name) of a GSO name: "Huyện Nậm Pồ" -> ("Nậm Pồ", "huyện", "Huyện Nậm Pồ").

    Numbered units keep their type word ("Quận 7"); "Thành Phố Bắc Kạn" becomes "Thành phố Bắc Kạn".
    """
    match = _TYPE_PREFIX.match(full_name)
    if match is None:
        raise ValueError(f"unexpected district name {full_name!r}")
    kind, name = match.group(1).lower(), match.group(2)
    full_name = f"{kind.capitalize()} {name}"
    return (full_name if _NUMBERED.match(name) else name), kind, full_name


def _earlier_package(spec: str) -> tuple[Path, str]:
    """Return (nested-divisions.json path, data version) of the package installed for ``PYTHON[@YEAR]``."""
    python, _, year = spec.partition("@")
    out = subprocess.run([python, "-c", _PACKAGE_INFO], check=True, capture_output=True, text=True)
    path, *version = out.stdout.strip().splitlines()
    return Path(path), year or (version[0] if version else "")


def _province_names() -> dict[int, str]:
    with open(PROVINCES_CSV, encoding="utf-8") as handle:
        return {int(row["code"]): row["name"] for row in csv.DictReader(handle)}


def _rows_of(nested: list[dict], provinces: dict[int, str]) -> dict[tuple[int, str], dict]:
    """Return one row per (district code, full name) of a nested-divisions list."""
    rows = {}
    for prov in nested:
        for dist in prov["districts"]:
            name, kind, full_name = _split_full_name(tone_key(dist["name"]))
            rows[(dist["code"], full_name)] = {
                "province": provinces[prov["code"]], "province_code": f"{prov['code']:02d}",
                "district": name, "district_type": kind, "district_code": f"{dist['code']:03d}",
                "full_name": full_name,
            }
    return rows


def _year_column(data_version: str) -> str:
    column = f"in_{data_version[:4]}_list"
    if column not in COLUMNS:
        raise ValueError(f"expected a 2020, 2023 or 2025 list, got data version {data_version!r} (give PYTHON@YEAR)")
    return column


def build(earlier_pythons: list[str]) -> list[dict]:
    """Return the district rows of the installed package, plus those of the earlier releases given."""
    provinces = _province_names()
    releases = [(Path(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH), vietnam_provinces.__data_version__)]
    releases += [_earlier_package(spec) for spec in earlier_pythons]
    lists = {column: 0 for column in COLUMNS if column.startswith("in_")}
    merged: dict[tuple[int, str], dict] = {}
    for path, version in releases:
        column = _year_column(version)
        for key, row in _rows_of(json.loads(path.read_text(encoding="utf-8")), provinces).items():
            merged.setdefault(key, {**row, **lists})[column] = 1
    return sorted(merged.values(), key=lambda r: (r["province_code"], r["district_code"], -r["in_2025_list"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--earlier-python", action="append", default=[],
                        help="PYTHON[@YEAR] of a venv with an older vietnam-provinces (0.5.0, 0.2@2020); repeatable")
    parser.add_argument("--out", type=Path, default=OUT_CSV)
    args = parser.parse_args()
    rows = build(args.earlier_python)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
