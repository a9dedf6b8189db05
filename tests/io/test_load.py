"""Loading pages: every kind of file, every common encoding, and a report row for every input."""
from __future__ import annotations

import codecs
import errno
import gzip
import io
import json
import os
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import Callable

import pytest

from covidlib import config
from covidlib.io import (
    REPORT_COLUMNS,
    DuplicateIndex,
    LoadedPage,
    LoadRecord,
    article_id_for,
    decode_bytes,
    fingerprint,
    html_to_text,
    input_files,
    iter_file,
    iter_pages,
    load_report,
    repair_mojibake,
)
from covidlib.normalize import normalize_page

SEED_FILES = sorted(config.RAW_DIR.glob("*.txt"))
SEED_IDS = [p.stem[:3] for p in SEED_FILES]

VIETNAMESE = (
    "Sáng 19/6, Bộ Y tế công bố thêm 94 ca mắc COVID-19 mới, trong đó 40 ca tại TP.HCM.\n"
    "Các ca bệnh đều đã được cách ly tập trung từ trước.\n"
)
ENGLISH = (
    "The Ministry of Health reported 94 new cases on Saturday morning, and most of them were "
    "already in quarantine. Officials said that the outbreak in the city is under control.\n"
)


# --- helpers that make the files users bring -------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode like a Vietnamese Windows program: letters cp1258 lacks become base letter + combining tone byte."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def mojibake(text: str, codec: str = "cp1252") -> str:
    """Return ``text`` as a program shows its UTF-8 bytes when it reads them as ``codec`` (undefined bytes kept)."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))


def png_bytes() -> bytes:
    """Return a valid 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def zip_bytes() -> bytes:
    """Return a zip archive holding one Vietnamese text."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bai.txt", VIETNAMESE)
    return buffer.getvalue()


def jsonl(*records: object) -> str:
    """Return ``records`` as JSON lines, Vietnamese kept readable."""
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records)


def rows_and_pages(inputs, **kw) -> list[tuple[LoadRecord, LoadedPage | None]]:
    return list(iter_pages(inputs, **kw))


def only(inputs, **kw) -> tuple[LoadRecord, LoadedPage | None]:
    pairs = rows_and_pages(inputs, **kw)
    assert len(pairs) == 1, pairs
    return pairs[0]


# --- the seeds ------------------------------------------------------------------


def test_seeds_load_ok_as_utf8():
    pairs = rows_and_pages(config.RAW_DIR)
    assert [rec.file for rec, _ in pairs] == [p.name for p in SEED_FILES]
    for (rec, page), path in zip(pairs, SEED_FILES):
        assert (rec.status, rec.encoding, rec.format, rec.reason) == ("ok", "utf-8", "txt", "")
        assert page.text == normalize_page(path.read_text(encoding="utf-8"))
        assert rec.n_bytes == page.n_bytes == path.stat().st_size
        assert page.article_id == path.stem


ENCODINGS: list[tuple[str, Callable[[str], bytes], str]] = [
    ("utf8_bom", lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    ("utf16_le_bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
    ("utf16_be_bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    ("utf16_le_no_bom", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("utf16_be_no_bom", lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ("cp1258", to_cp1258, "cp1258"),
    ("crlf_cp1258", lambda t: to_cp1258(t.replace("\n", "\r\n")), "cp1258"),
    ("mojibake_cp1252", lambda t: mojibake(t).encode("utf-8"), "utf-8"),
    ("mojibake_cp1258", lambda t: mojibake(t, "cp1258").encode("utf-8"), "utf-8"),
    ("mojibake_nbsp_lost", lambda t: mojibake(t).replace("\xa0", " ").encode("utf-8"), "utf-8"),
    ("mojibake_twice", lambda t: mojibake(mojibake(t)).encode("utf-8"), "utf-8"),
]


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
@pytest.mark.parametrize("name, encode, encoding", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_seed_in_other_encodings_loads_to_same_text(tmp_path, seed, name, encode, encoding):
    original = normalize_page(seed.read_text(encoding="utf-8"))
    path = tmp_path / seed.name
    path.write_bytes(encode(original))
    rec, page = only(path)
    assert rec.status == "ok", rec.reason
    assert rec.encoding == page.encoding == encoding
    assert page.text == original
    if name.startswith("mojibake"):
        assert "mojibake repaired" in rec.reason


SHORT_VIETNAMESE = [
    "Hà Nội thêm 12 ca mắc mới.",
    "Sáng nay Bộ Y tế ghi nhận 94 ca bệnh.",
    "Đà Nẵng phong tỏa hai khu dân cư.",
    "Thêm 3 ca tử vong do COVID-19.",
    "Trẻ em từ 5 đến 11 tuổi sẽ được tiêm.",
    "Cách ly tập trung 21 ngày.",
    "Ổ dịch mới ở quận Hoàng Mai.",
    "Hơn 3.400 F0 nặng đang điều trị.",
    "Cần Thơ ghi nhận 450 ca.",
    "Học sinh trở lại trường học.",
    "Quảng Ninh mở lại du lịch nội địa.",
    "Lâm Đồng lập 5 chốt kiểm soát.",
]


@pytest.mark.parametrize("sentence", SHORT_VIETNAMESE)
def test_short_cp1258_sentences_decode_exactly(sentence):
    decoded = decode_bytes(to_cp1258(sentence))
    assert decoded.encoding == "cp1258"
    assert unicodedata.normalize("NFC", decoded.text) == sentence


@pytest.mark.parametrize("sentence", SHORT_VIETNAMESE)
def test_short_vietnamese_pages_are_not_rejected(tmp_path, sentence):
    path = tmp_path / "ngan.txt"
    path.write_text(sentence, encoding="utf-8")
    rec, page = only(path)
    assert rec.status == "ok", rec.reason
    assert page.text == sentence


NOT_VIETNAMESE = [
    ("english", ENGLISH, "English"),
    ("chinese", "河内市卫生局周六上午报告新增九十四例新冠肺炎病例，其中大部分已被隔离。", "CJK"),
    ("russian", "Министерство здравоохранения сообщило о 94 новых случаях заболевания.", "Cyrillic"),
    ("french", "Le ministère de la Santé a signalé 94 nouveaux cas samedi matin, déjà isolés.", "not Vietnamese"),
    ("no_diacritics", "Sang nay Bo Y te cong bo them 94 ca mac moi tai Ha Noi va TP HCM.", "without diacritics"),
    ("english_with_names", ENGLISH + "Prime Minister Phạm Minh Chính visited Hà Nội.", "English"),
    ("numbers_only", "12 345 6.789 - 10/6/2021", "no letters"),
    # letters below U+00C0 ("µ", "º", "ª") are Latin letters to the check, as they are to the script names
    ("latin1_symbol_letters", "µµµ ºººº ªªª µmol ab", "without diacritics"),
    # letters named LATIN outside the blocks Vietnamese is written in (IPA): their script is named, not crashed on
    ("ipa_letters", "ɐɐɐ ɐɐɐ ab", "mostly Latin characters"),
]


LEGACY_NOT_VIETNAMESE = [
    ("english_cp1252", ENGLISH.replace("said", "said “so far”").encode("cp1252"), "English"),
    ("chinese_gbk", NOT_VIETNAMESE[1][1].encode("gbk"), "CJK"),
    ("russian_cp1251", NOT_VIETNAMESE[2][1].encode("cp1251"), "Cyrillic"),
    ("russian_koi8", NOT_VIETNAMESE[2][1].encode("koi8-r"), "Cyrillic"),
]


@pytest.mark.parametrize("name, data, detected", LEGACY_NOT_VIETNAMESE, ids=[n[0] for n in LEGACY_NOT_VIETNAMESE])
def test_legacy_encoded_foreign_pages_are_skipped(tmp_path, name, data, detected):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    rec, page = only(path)
    assert (rec.status, page) == ("skipped", None)
    assert "not Vietnamese" in rec.reason and detected in rec.reason
    assert rec.encoding not in ("utf-8", "cp1258")


@pytest.mark.parametrize("name, text, detected", NOT_VIETNAMESE, ids=[n[0] for n in NOT_VIETNAMESE])
def test_non_vietnamese_pages_are_skipped(tmp_path, name, text, detected):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    rec, page = only(path)
    assert page is None
    assert rec.status == "skipped"
    assert detected in rec.reason


# --- HTML -------------------------------------------------------------------------

NEWS_HTML = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Hà Nội thêm 12 ca COVID-19 | Báo Thủ Đô</title>
<meta property="og:title" content="Hà Nội thêm 12 ca mắc COVID-19 trong cộng đồng">
<meta property="article:published_time" content="2021-06-19T08:30:00+07:00">
<meta name="author" content="Minh Anh">
<meta property="og:site_name" content="Báo Thủ Đô">
<meta name="description" content="Sáng 19/6, Hà Nội ghi nhận thêm 12 ca mắc mới.">
<style>p { color: red; }</style>
</head><body>
<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a></nav>
<!-- quảng cáo -->
<article><h1>Hà Nội thêm 12 ca COVID-19</h1>
<p>Sáng 19/6, Sở Y tế <b>Hà Nội</b> cho biết
   thành phố ghi nhận thêm 12 ca mắc mới.</p>
<script>var tracker = "không được hiện ra";</script>
<p>Trong đó 5 ca tại quận Hoàng Mai<br>và 7 ca tại quận Đống Đa.</p>
<ul><li>Quận Hoàng Mai: 5 ca</li><li>Quận Đống Đa: 7 ca</li></ul>
<figure><img src="a.jpg"><figcaption>Lấy mẫu xét nghiệm tại Hoàng Mai.</figcaption></figure>
</article><noscript>Bật JavaScript để xem</noscript>
</body></html>"""

NEWS_LINES = [
    "Hà Nội thêm 12 ca COVID-19",
    "Sáng 19/6, Sở Y tế Hà Nội cho biết thành phố ghi nhận thêm 12 ca mắc mới.",
    "Trong đó 5 ca tại quận Hoàng Mai",
    "và 7 ca tại quận Đống Đa.",
    "Quận Hoàng Mai: 5 ca",
    "Quận Đống Đa: 7 ca",
    "Lấy mẫu xét nghiệm tại Hoàng Mai.",
]


def test_html_page_gives_blocks_on_lines_and_meta_hints(tmp_path):
    path = tmp_path / "bai.html"
    path.write_text(NEWS_HTML, encoding="utf-8")
    rec, page = only(path)
    assert (rec.status, rec.format, rec.encoding) == ("ok", "html", "utf-8")
    assert [line for line in page.text.split("\n") if line] == NEWS_LINES
    for hidden in ("tracker", "color: red", "Trang chủ", "quảng cáo", "JavaScript"):
        assert hidden not in page.text
    assert page.meta == {
        "title": "Hà Nội thêm 12 ca COVID-19 | Báo Thủ Đô",
        "h1": "Hà Nội thêm 12 ca COVID-19",
        "og_title": "Hà Nội thêm 12 ca mắc COVID-19 trong cộng đồng",
        "published": "2021-06-19T08:30:00+07:00",
        "author": "Minh Anh",
        "site": "Báo Thủ Đô",
        "description": "Sáng 19/6, Hà Nội ghi nhận thêm 12 ca mắc mới.",
    }


@pytest.mark.parametrize("name, data, encoding", [
    ("declared_cp1258", to_cp1258(NEWS_HTML.replace('charset="utf-8"', 'charset="windows-1258"')), "cp1258"),
    ("undeclared_cp1258", to_cp1258(NEWS_HTML.replace('<meta charset="utf-8">', "")), "cp1258"),
    ("wrongly_declared_latin1", NEWS_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("utf-8"), "utf-8"),
    ("utf16", NEWS_HTML.encode("utf-16"), "utf-16-le"),
])
def test_html_in_other_encodings(tmp_path, name, data, encoding):
    path = tmp_path / f"{name}.htm"
    path.write_bytes(data)
    rec, page = only(path)
    assert (rec.status, rec.encoding) == ("ok", encoding)
    assert [line for line in page.text.split("\n") if line] == NEWS_LINES


@pytest.mark.parametrize("markup, lines", [
    ("<p>Đoạn một</p><p>Đoạn hai bị cắt giữ", ["Đoạn một", "Đoạn hai bị cắt giữ"]),
    ("<div>Ca mắc<div>mới tại Huế</div></div>", ["Ca mắc", "mới tại Huế"]),
    ("<p>Hà<b>Nội</b> <i>thêm</i>&nbsp;ca</p>", ["HàNội thêm\xa0ca"]),
    ("<table><tr><td>Hà Nội</td><td>12</td></tr><tr><td>Huế</td><td>3</td></tr></table>", ["Hà Nội 12", "Huế 3"]),
    ("<pre>dòng một\ndòng hai</pre>", ["dòng một", "dòng hai"]),
    ("<h2>Tin</h2><template><p>ẩn</p></template><p>mới</p>", ["Tin", "mới"]),
])
def test_html_to_text_blocks(markup, lines):
    text, _ = html_to_text(markup)
    assert [line for line in text.split("\n") if line] == lines


@pytest.mark.parametrize("markup", [
    "<script>alert('Hà Nội')</script><style>p{}</style>",
    "<!-- chỉ có chú thích -->",
    "<nav><a>Trang chủ</a></nav>",
    "",
])
def test_html_without_visible_text_yields_nothing(markup):
    assert html_to_text(markup)[0] == ""


# --- JSON and JSON lines -----------------------------------------------------------

RECORD_A = {"title": "Hà Nội thêm 12 ca", "date": "2021-06-19", "author": "Minh Anh",
            "url": "https://example.vn/a", "text": "Sáng 19/6, Hà Nội ghi nhận thêm 12 ca mắc mới."}
RECORD_B = {"tieu_de": "Huế lập chốt", "noi_dung": "Thừa Thiên Huế lập 5 chốt kiểm soát dịch bệnh."}


def test_jsonl_with_a_truncated_line(tmp_path):
    lines = [json.dumps(RECORD_A, ensure_ascii=False), json.dumps(RECORD_B, ensure_ascii=False)[:30],
             json.dumps(RECORD_B, ensure_ascii=False)]
    path = tmp_path / "bao.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = rows_and_pages(path)
    assert [(rec.record, rec.status) for rec, _ in pairs] == [(1, "ok"), (2, "failed"), (3, "ok")]
    assert "invalid JSON" in pairs[1][0].reason
    first, third = pairs[0][1], pairs[2][1]
    assert first.text == RECORD_A["text"] and third.text == RECORD_B["noi_dung"]
    assert first.meta == {"text_field": "text", "title": "Hà Nội thêm 12 ca", "published": "2021-06-19",
                          "author": "Minh Anh", "url": "https://example.vn/a"}
    assert third.meta["title"] == "Huế lập chốt"
    assert [rec.article_id for rec, _ in pairs] == ["bao#1", "bao#2", "bao#3"]


def test_jsonl_larger_than_max_bytes_still_streams(tmp_path):
    records = [{"id": n, "content": f"Ngày {n}/6, Bình Dương ghi nhận thêm {n * 7} ca mắc mới."} for n in range(1, 41)]
    path = tmp_path / "lon.jsonl"
    path.write_text(jsonl(*records), encoding="utf-8")
    assert path.stat().st_size > 2000
    pairs = rows_and_pages(path, max_bytes=2000)
    assert [rec.status for rec, _ in pairs] == ["ok"] * 40
    assert [page.text for _, page in pairs] == [r["content"] for r in records]


def test_jsonl_record_larger_than_max_bytes_is_skipped(tmp_path):
    small = {"text": VIETNAMESE}
    big = {"text": VIETNAMESE * 50}
    path = tmp_path / "x.jsonl"
    path.write_text(jsonl(small, big, small | {"n": 2}), encoding="utf-8")
    pairs = rows_and_pages(path, max_bytes=2000)
    assert [(rec.status, rec.reason.split(":")[0]) for rec, _ in pairs] == [
        ("ok", ""), ("skipped", "record too large"), ("skipped", "duplicate")]


@pytest.mark.parametrize("name, content, expected", [
    ("one_object.json", json.dumps(RECORD_A, ensure_ascii=False), [(None, "ok")]),
    ("list.json", json.dumps([RECORD_A, RECORD_B], ensure_ascii=False, indent=1), [(1, "ok"), (2, "ok")]),
    ("truncated_list.json", json.dumps([RECORD_A, RECORD_B], ensure_ascii=False)[:-20], [(1, "ok"), (2, "failed")]),
    ("wrapped.json", json.dumps({"source": "x", "articles": [RECORD_A, RECORD_B]}, ensure_ascii=False), [(1, "ok"), (2, "ok")]),
    ("lines_as.json", jsonl(RECORD_A, RECORD_B), [(1, "ok"), (2, "ok")]),
    ("broken.json", '{"text": "Hà Nội', [(None, "failed")]),
    ("no_text.json", json.dumps({"title": "Hà Nội", "views": 10}, ensure_ascii=False), [(None, "skipped")]),
    ("number.jsonl", "42\n", [(1, "failed")]),
    ("strings.json", json.dumps([RECORD_A["text"], RECORD_B["noi_dung"]], ensure_ascii=False), [(1, "ok"), (2, "ok")]),
    ("empty_list.json", "[]", [(None, "skipped")]),
    ("blank_lines.jsonl", "\n\n  \n", [(None, "skipped")]),
])
def test_json_shapes(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert [(rec.record, rec.status) for rec, _ in rows_and_pages(path)] == expected


def test_json_record_with_html_field_goes_through_html(tmp_path):
    record = {"title": "Hà Nội thêm 12 ca", "html": NEWS_HTML}
    fragment = {"content": "<p>Huế lập 5 chốt.</p><p>Người dân khai báo y tế.</p>"}
    path = tmp_path / "html.jsonl"
    path.write_text(jsonl(record, fragment), encoding="utf-8")
    (_, page), (_, second) = rows_and_pages(path)
    assert [line for line in page.text.split("\n") if line] == NEWS_LINES
    assert page.meta["title"] == "Hà Nội thêm 12 ca" and page.meta["author"] == "Minh Anh"
    assert second.text == "Huế lập 5 chốt.\n\nNgười dân khai báo y tế."


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_jsonl_with_bom(tmp_path, codec):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(jsonl(RECORD_A, RECORD_B).encode(codec))
    pairs = rows_and_pages(path)
    assert [rec.status for rec, _ in pairs] == ["ok", "ok"]
    assert pairs[1][1].text == RECORD_B["noi_dung"]


def test_json_mojibake_text_is_repaired(tmp_path):
    path = tmp_path / "m.jsonl"
    record = {"title": mojibake(RECORD_A["title"]), "text": mojibake(RECORD_A["text"])}
    path.write_text(json.dumps(record), encoding="utf-8")
    rec, page = only(path)
    assert page.text == RECORD_A["text"] and page.meta["title"] == RECORD_A["title"]
    assert "mojibake repaired" in rec.reason


# --- bad inputs: every one gets a row with a plain reason ------------------------


def _write(data: bytes | str) -> Callable[[Path, str], None]:
    def make(folder: Path, name: str) -> None:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return make


def _make_dir(folder: Path, name: str) -> None:
    (folder / name).mkdir()


def _make_broken_link(folder: Path, name: str) -> None:
    (folder / name).symlink_to(folder / "khong-co-that.txt")


def _make_fifo(folder: Path, name: str) -> None:
    os.mkfifo(folder / name)


TRUNCATED_UTF8 = "Hà Nội thêm 12 ca mắc mới tại Hoàng Mai, Đống Đa và Ba Đình trong ngày.".encode("utf-8")[:-3]
CORRUPTED_UTF8 = VIETNAMESE.encode("utf-8").replace("Bộ".encode("utf-8"), b"B\xe1\xbb")

BAD_INPUTS = [
    ("empty.txt", _write(b""), "skipped", "empty file"),
    ("white.txt", _write(" \n\t \r\n\u3000\n"), "skipped", "only white space"),
    ("image.txt", _write(png_bytes()), "skipped", "binary file, not text (PNG image)"),
    ("archive.txt", _write(zip_bytes()), "skipped", "binary file, not text (zip"),
    ("nuls.html", _write(b"ab\x00\x01\x02\x03" * 200), "skipped", "binary file, not text"),
    ("truncated.txt", _write(TRUNCATED_UTF8), "ok", "truncated"),
    ("corrupted.txt", _write(CORRUPTED_UTF8), "ok", "invalid UTF-8: 1 bad byte sequences replaced"),
    ("huge.txt", _write(VIETNAMESE * 1000), "skipped", "file too large: 0.2 MB (limit 0.1 MB)"),
    ("huge.html", _write("<p>" + VIETNAMESE * 1000 + "</p>"), "skipped", "file too large"),
    ("folder.txt", _make_dir, "failed", "cannot read: it is a folder, not a file"),
    ("broken-link.txt", _make_broken_link, "failed", "cannot read: no such file"),
    ("pipe.txt", _make_fifo, "skipped", "not a regular file"),
    ("english.txt", _write(ENGLISH), "skipped", "not Vietnamese"),
    ("chinese.html", _write("<p>河内市卫生局报告新增九十四例病例。</p>"), "skipped", "not Vietnamese: mostly Chinese"),
    ("report.pdf", _write(VIETNAMESE), "skipped", "unknown extension '.pdf'"),
    ("script-only.html", _write("<html><script>var a = 'Hà Nội';</script></html>"), "skipped", "no text in the HTML page"),
    ("cut.html", _write("<html><body><p>" + VIETNAMESE + "</p><p>Người dân"), "ok", ""),
    ("txt-with-html.txt", _write("<!DOCTYPE html><html><body><p>" + VIETNAMESE + "</p>"), "ok", "HTML markup in a .txt file"),
    ("README", _write(VIETNAMESE), "ok", "no file extension; read as text"),
    (".DS_Store", _write(b"\x00\x00\x00\x01Bud1" + b"\x00" * 64), "skipped", "binary file"),
    ("bad.json", _write('{"text": "Hà Nội" "x"}'), "failed", "invalid JSON: Expecting ','"),
    ("cut.txt.gz", _write(gzip.compress(VIETNAMESE.encode())[:-12]), "failed", "cannot read: damaged gzip data"),
    ("bomb.txt.gz", _write(gzip.compress((VIETNAMESE * 1000).encode())), "skipped", "decompressed page too large"),
    ("report.pdf.gz", _write(gzip.compress(VIETNAMESE.encode())), "skipped", "unknown extension '.pdf'"),
]


@pytest.mark.parametrize("name, make, status, reason", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_inputs_get_their_row(tmp_path, name, make, status, reason):
    make(tmp_path, name)
    report = load_report(tmp_path, max_bytes=100_000)
    assert report["file"].tolist() == [name]
    row = report.iloc[0]
    assert (row["status"], row["file"]) == (status, name)
    assert reason in row["reason"]


def test_os_error_while_reading_is_a_failed_row(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(VIETNAMESE + "Thêm một dòng.", encoding="utf-8")
    real = Path.read_bytes

    def flaky(self: Path) -> bytes:
        if self.name == "a.txt":
            raise OSError(errno.EIO, "Input/output error")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", flaky)
    report = load_report(tmp_path)
    assert report[["file", "status"]].values.tolist() == [["a.txt", "failed"], ["b.txt", "ok"]]
    assert report["reason"][0] == "cannot read: input/output error (errno 5)"


def test_missing_input_is_a_failed_row(tmp_path):
    rec, page = only([tmp_path / "khong-co.txt"])
    assert (rec.status, rec.file, page) == ("failed", "khong-co.txt", None)


def test_duplicates_point_to_the_first(tmp_path):
    (tmp_path / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + VIETNAMESE.upper().replace(" ", "   "), encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>" + VIETNAMESE.replace("\n", "</p><p>") + "</p>", encoding="utf-8")
    (tmp_path / "d.txt").write_text(VIETNAMESE.replace("94", "95"), encoding="utf-8")
    report = load_report(tmp_path).fillna({"duplicate_of": ""})
    assert report[["file", "status", "duplicate_of"]].values.tolist() == [
        ["a.txt", "ok", ""], ["b.txt", "skipped", "a"], ["c.html", "skipped", "a"], ["d.txt", "ok", ""]]
    assert report["reason"][1] == "duplicate"


def test_mixed_folder_has_one_row_per_file(tmp_path):
    sub = tmp_path / "2021" / "thang-6"
    sub.mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: main")
    (tmp_path / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    (sub / "b.html").write_text(NEWS_HTML, encoding="utf-8")
    (sub / "c.json").write_text(json.dumps(RECORD_B, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps(RECORD_A, ensure_ascii=False) + "\n{bad\n", encoding="utf-8")
    for name, make, *_ in BAD_INPUTS:
        make(tmp_path, name)
    files = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
             if (p.is_file() or p.is_symlink() or p.suffix) and not p.is_relative_to(tmp_path / ".git")}
    files = files - {"2021", "2021/thang-6"} | {".git"}
    report = load_report(tmp_path, max_bytes=100_000)
    counts = report["file"].value_counts().to_dict()
    assert set(counts) == files
    assert counts.pop("d.jsonl") == 2
    assert set(counts.values()) == {1}
    assert report["file"].tolist() == sorted(report["file"].tolist())
    assert report.loc[report["file"] == "2021/thang-6/b.html", "article_id"].item() == "2021__thang-6__b"
    assert report.loc[report["file"] == ".git", "reason"].item() == "hidden folder; not entered"


def test_load_report_columns_and_types(tmp_path):
    (tmp_path / "x.jsonl").write_text(json.dumps(RECORD_A, ensure_ascii=False) + "\n", encoding="utf-8")
    report = load_report([config.RAW_DIR, tmp_path / "x.jsonl"])
    assert report.columns.tolist() == REPORT_COLUMNS
    assert len(report) == len(SEED_FILES) + 1
    assert str(report["record"].dtype) == "Int64" and report["bytes"].dtype == "int64"
    assert report["record"].isna().sum() == len(SEED_FILES)
    assert report["article_id"].iloc[-1] == "x#1"


def test_input_files_and_iter_file_give_the_rows_of_iter_pages(tmp_path):
    (tmp_path / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl(RECORD_A, RECORD_B, {"text": VIETNAMESE}), encoding="utf-8")
    (tmp_path / "c.txt").mkdir()
    (tmp_path / ".cache").mkdir()
    index = DuplicateIndex()
    rows = []
    for item in input_files([tmp_path, tmp_path / "khong-co.txt"]):
        rows.extend([item.problem] if item.problem else
                    [rec for rec, _ in iter_file(item.path, item.file, base_id=item.base_id, duplicates=index)])
    assert rows == [rec for rec, _ in iter_pages([tmp_path, tmp_path / "khong-co.txt"])]
    assert [row.status for row in rows] == ["skipped", "ok", "ok", "ok", "skipped", "failed", "failed"]


def test_iter_pages_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text(VIETNAMESE, encoding="utf-8")
    stream = iter_pages(tmp_path)
    (tmp_path / "b.txt").write_text(VIETNAMESE + "Thêm.", encoding="utf-8")
    assert [rec.file for rec, _ in stream] == ["a.txt", "b.txt"]


# --- ids, fingerprints and mojibake ------------------------------------------------


@pytest.mark.parametrize("file, record, expected", [
    ("000_4d8e1a4f41a2d7e0.txt", None, "000_4d8e1a4f41a2d7e0"),
    ("2021/tuoitre/ha-noi-them-12-ca.html", None, "2021__tuoitre__ha-noi-them-12-ca"),
    ("bao-chi.jsonl", 3, "bao-chi#3"),
    ("README", None, "README"),
    ("tin.v2.json", 1, "tin.v2#1"),
])
def test_article_id_for(file, record, expected):
    assert article_id_for(file, record) == expected


@pytest.mark.parametrize("left, right", [
    ("Hà Nội thêm 12 ca", "HÀ NỘI   THÊM 12 CA"),
    ("Hoà Bình, Thanh Hoá", "Hòa Bình, Thanh Hóa"),
    ("Ha\u0300 Nô\u0323i", "Hà Nội"),
    ("Hà Nội\nthêm 12 ca\n", "  Hà Nội thêm 12 ca"),
])
def test_fingerprint_same(left, right):
    assert fingerprint(left) == fingerprint(right)


@pytest.mark.parametrize("left, right", [
    ("Hà Nội thêm 12 ca", "Hà Nội thêm 13 ca"),
    ("thêm 5 ca", "thêm 5 cá"),
    ("Hà Nội", "Ha Noi"),
])
def test_fingerprint_different(left, right):
    assert fingerprint(left) != fingerprint(right)


def test_duplicate_index():
    index = DuplicateIndex()
    assert index.check("k1", "a") is None
    assert index.check("k2", "b") is None
    assert index.check("k1", "c") == "a"
    assert index.check("k1", "a") is None
    assert len(index) == 2 and "k2" in index


@pytest.mark.parametrize("text", [
    "Đã có 5 ca mắc mới tại Hà Nội.",
    "Ngày 19/6, Thừa Thiên Huế ghi nhận “ca bệnh” đầu tiên… – Bộ Y tế",
    "“BĂ” và LÊ\xa0VĂN; nhiệt độ 37°C, giá 100.000đ ±5%",
    "NGÃ BA Đồng Lộc «Hà Tĩnh» ©2021",
    "Trường THPT Việt Đức ® • ¼ ½",
])
def test_repair_mojibake_roundtrip_and_leaves_good_text_alone(text):
    assert repair_mojibake(text) == text
    assert repair_mojibake(mojibake(text)) == text


@pytest.mark.parametrize("text", [
    "Ã‰tÃ© Ã  Paris",  # mojibake of French: repairing it would not make Vietnamese
    "Price: 5Â£ and 10Â°",
    "CafÃ©",
])
def test_repair_mojibake_needs_vietnamese_gain(text):
    assert repair_mojibake(text) == text


def test_decode_bytes_prefers_strict_utf8():
    text = "Chào ©2021 – “Hà Nội”"
    assert decode_bytes(text.encode("utf-8")).encoding == "utf-8"
    assert decode_bytes(text.encode("utf-8")).text == text


def _vietnamese_lines(path: Path) -> list[str]:
    """Return the page's lines that carry Vietnamese letters (the short ones are the hard cases)."""
    lines = (line.strip() for line in normalize_page(path.read_text(encoding="utf-8")).splitlines())
    return [line for line in lines if len(line) >= 10 and not line.isascii()]


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_every_seed_line_decodes_alone(seed):
    for line in _vietnamese_lines(seed):
        assert unicodedata.normalize("NFC", decode_bytes(to_cp1258(line)).text) == line
        assert repair_mojibake(mojibake(line)) == line
        assert repair_mojibake(line) == line


def test_dev_pages_load_ok(dev_gold):
    paths = [rec["path"] for rec in dev_gold]
    pairs = rows_and_pages(paths)
    assert [rec.status for rec, _ in pairs] == ["ok"] * len(paths)
    assert [page.text for _, page in pairs] == [normalize_page(p.read_text(encoding="utf-8")) for p in paths]


@pytest.mark.parametrize("name, encode, encoding", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_dev_pages_in_other_encodings(dev_gold, tmp_path, name, encode, encoding):
    for rec in dev_gold:
        original = normalize_page(rec["path"].read_text(encoding="utf-8"))
        path = tmp_path / rec["file"]
        path.write_bytes(encode(original))
        row, page = only(path)
        assert (row.status, row.encoding, page.text) == ("ok", encoding, original), rec["file"]


def test_every_dev_line_decodes_alone(dev_gold):
    for rec in dev_gold:
        for line in _vietnamese_lines(rec["path"]):
            assert unicodedata.normalize("NFC", decode_bytes(to_cp1258(line)).text) == line
            assert repair_mojibake(mojibake(line)) == line
            assert repair_mojibake(line) == line


# --- gzip-compressed inputs ------------------------------------------------------------------------------------------

GZIP_CASES = [  # (name of the plain copy, name of the compressed one, bytes of the page)
    ("bai.html", "bai.html.gz", ("<html><head><title>Hà Nội thêm 12 ca</title></head><body><p>" + VIETNAMESE
                                 + "</p></body></html>").encode()),
    ("tin.txt", "tin.txt.gz", VIETNAMESE.encode("utf-16")),
    ("bao.jsonl", "bao.jsonl.gz", "\n".join(json.dumps({"text": VIETNAMESE + f" Tin số {i}."}, ensure_ascii=False)
                                             for i in range(3)).encode()),
    ("http.html", "http-body.html", ("<p>" + VIETNAMESE + "</p>").encode()),  # saved with its gzip HTTP encoding
]


@pytest.mark.parametrize("plain, packed, data", GZIP_CASES, ids=[c[1] for c in GZIP_CASES])
def test_gzip_compressed_pages_read_as_their_plain_copy(tmp_path, plain, packed, data):
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    (tmp_path / "plain" / plain).write_bytes(data)
    (tmp_path / "packed" / packed).write_bytes(gzip.compress(data))
    expected = list(iter_pages(tmp_path / "plain"))
    got = list(iter_pages(tmp_path / "packed"))
    assert [r.status for r, _ in got] == ["ok"] * len(expected)
    assert [p.text for _, p in got] == [p.text for _, p in expected]
    assert [(r.format, r.encoding) for r, _ in got] == [(r.format, r.encoding) for r, _ in expected]
    stem = plain.split(".")[0] if packed.endswith(".gz") else "http-body"
    assert [r.article_id for r, _ in got] == [r.article_id.replace(plain.split(".")[0], stem) for r, _ in expected]
