"""common.uploads.validate_upload: the one check behind the workspace form, the API and the service."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from common.uploads import ALLOWED_EXTENSIONS, accept_attribute, validate_upload

GOOD = {
    "pdf": b"%PDF-1.7\n...",
    "png": b"\x89PNG\r\n\x1a\n....",
    "jpg": b"\xff\xd8\xff\xe0..JFIF",
    "jpeg": b"\xff\xd8\xff\xe1..Exif",
    "gif": b"GIF89a....",
    "webp": b"RIFF\x10\x00\x00\x00WEBPVP8 ",
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....",
    "xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....",
    "ppt": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....",
    "docx": b"PK\x03\x04....",
    "xlsx": b"PK\x03\x04....",
    "pptx": b"PK\x03\x04....",
    "odt": b"PK\x03\x04....",
    "ods": b"PK\x03\x04....",
    "odp": b"PK\x03\x04....",
    "zip": b"PK\x03\x04....",
    "csv": "назва,значення\n".encode(),
    "txt": "текст".encode(),
    "json": b'{"a": 1}',
    "xml": b"<?xml version='1.0'?><a/>",
}


def test_every_allowed_type_has_an_example():
    assert set(GOOD) == set(ALLOWED_EXTENSIONS)
    assert accept_attribute().split(",") == [f".{ext}" for ext in ALLOWED_EXTENSIONS]


@pytest.mark.parametrize("extension", sorted(GOOD))
def test_allowed_files_pass(extension):
    upload = SimpleUploadedFile(f"Файл.{extension.upper()}", GOOD[extension])
    validate_upload(upload)
    assert upload.tell() == 0  # the check does not move the file's position


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.js", b"alert(1)", "такий тип не дозволено"),
        ("page.html", b"<html>", "такий тип не дозволено"),
        ("noextension", b"%PDF-", "такий тип не дозволено"),
        ("archive.tar.gz", b"\x1f\x8b", "такий тип не дозволено"),
        ("report.pdf", b"MZ\x90\x00", "не схожий на файл типу PDF"),
        ("table.xlsx", b"%PDF-1.4", "не схожий на файл типу XLSX"),
        ("photo.webp", b"RIFF\x00\x00\x00\x00WAVE", "не схожий на файл типу WEBP"),
        ("data.csv", b"MZ\x00\x00binary", "не схожий на файл типу CSV"),
        ("empty.txt", b"", "порожній"),
    ],
)
def test_refused_files(name, content, message):
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile(name, content), field="files")
    assert message in error.value.message_dict["files"][0]


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_size_limit_comes_from_settings():
    validate_upload(SimpleUploadedFile("ok.txt", b"a" * 1024))
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("big.txt", b"a" * 1025))
    assert "завеликий: найбільше 1 КБ" in error.value.messages[0]
