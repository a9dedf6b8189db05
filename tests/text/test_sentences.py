"""Sentence spans: underthesea's splitter, loaded without the rest of the package, with offsets found back."""
import subprocess
import sys

import pytest
from underthesea import sent_tokenize

from covidlib.config import RAW_DIR
from covidlib.text.sentences import _sent_tokenize, split_sentences

TEXTS = [
    "Sáng 8/10, Bộ Y tế ghi nhận 5 ca mắc mới. Tối có 3 ca.",
    "TP. Hồ Chí Minh có thêm 1.234 ca... Hà Nội có 12 ca! Còn Huế?",
    "Theo TS.BS. Nguyễn Văn A, các ca đều nhẹ. Không có ca tử vong.",
    "Không có dấu chấm nào ở đây",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_splitter_loaded_alone_is_underthesea_s(text):
    assert _sent_tokenize()(text) == sent_tokenize(text)


@pytest.mark.parametrize("text, expected", [
    ("Sáng 8/10 có 5 ca. Tối có 3 ca.", ["Sáng 8/10 có 5 ca.", "Tối có 3 ca."]),
    ("Ông có mặt tại TX. Bến Cát sáng nay.", ["Ông có mặt tại TX. Bến Cát sáng nay."]),
    ("   ", []),
])
def test_split_sentences_gives_spans_over_the_text(text, expected):
    spans = split_sentences(text, offset=10)
    assert [text[s.start - 10:s.end - 10] for s in spans] == expected


def test_processing_a_page_does_not_import_the_underthesea_package():
    code = (
        "import sys\n"
        "from covidlib.io import iter_pages\n"
        "from covidlib.run.pipeline import process_page\n"
        "results = [process_page(*item) for item in iter_pages(sys.argv[1])]\n"
        "assert sum(len(r.rows.get('case_counts', [])) for r in results) > 0\n"
        "print('underthesea' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(RAW_DIR)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
