"""Reading documents: encodings real users bring, and clear errors for the rest."""

from __future__ import annotations

import pytest

from policykg.extract.readers.text import DocumentError, decode, read_document

PLAN = "深圳市数字经济产业创新发展实施方案\n一、总体要求\n（一）产业定义。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_encodings(encoding):
    assert decode(PLAN.encode(encoding)) == PLAN


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"\xff\xfe\x01\x00\x02\x00\x03\x00\x1b\x00", "not a text document"),
    ("Plan d'action numérique".encode("latin-1"), "cannot be decoded"),
])
def test_bad_input_names_the_file_and_reason(tmp_path, data, reason):
    f = tmp_path / "doc.txt"
    f.write_bytes(data)
    with pytest.raises(DocumentError) as exc:
        read_document(f)
    assert str(f) in str(exc.value) and reason in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="cannot be read"):
        read_document(tmp_path / "nope.txt")
