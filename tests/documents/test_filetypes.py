"""Uploads are checked by content as well as by name; limits give a clear message."""

import io
import zipfile

import pytest

from lib.filetypes import CSV, DOCX, JPEG, PDF, TEXT, XLSX, RejectedFile, clean_name, receive

MB = 1024 * 1024


def ooxml(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("Contract 2026.PDF", b"%PDF-1.7\n...", PDF),
    ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 40, JPEG),
    ("letter.docx", ooxml("word/document.xml"), DOCX),
    ("budget.xlsx", ooxml("xl/workbook.xml"), XLSX),
    ("roster.csv", "name,amount\nJosé,12.50\n".encode("cp1252"), CSV),
    ("notes.txt", "grievance notes\n— café\n".encode(), TEXT),
])
def test_allowed_files_pass_and_get_the_type_of_their_content(name, content, kind):
    received = receive(io.BytesIO(content), name, 25 * MB)
    assert (received.kind, received.size, received.data.read()) == (kind, len(content), content)
    assert len(received.sha256) == 64


@pytest.mark.parametrize(("name", "content", "message"), [
    ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 100, "invoice.pdf is not a real PDF: its content looks like a Windows program."),
    ("scan.png", b"%PDF-1.4", "scan.png is not a real PNG image: its content is not that of a PNG image."),
    ("letter.docx", ooxml("evil/payload.bin"), "letter.docx is not a real Word document: its content looks like a ZIP archive."),
    ("notes.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 50, "notes.txt is not a real plain text file: its content looks like a Linux program."),
    ("setup.exe", b"MZ", "setup.exe: .exe files are not allowed. Allowed: PDF, images"),
    ("README", b"hello", "README: files without an extension are not allowed."),
    ("empty.pdf", b"", "empty.pdf is empty: choose a file that has content."),
])
def test_refused_files_say_why(name, content, message):
    with pytest.raises(RejectedFile) as refused:
        receive(io.BytesIO(content), name, 25 * MB)
    assert str(refused.value).startswith(message)


class CountingReader(io.RawIOBase):
    """An endless stream that counts what was read: an oversize upload must stop early."""

    def __init__(self):
        self.read_bytes = 0

    def readable(self):
        return True

    def read(self, size=-1):
        size = MB if size is None or size < 0 else size
        self.read_bytes += size
        return b"%PDF" + b"a" * (size - 4)


def test_oversize_is_refused_without_reading_the_rest():
    stream = CountingReader()
    with pytest.raises(RejectedFile, match=r"big.pdf is larger than the limit of 2.0 MB"):
        receive(stream, "big.pdf", 2 * MB)
    assert stream.read_bytes <= 3 * MB


def test_exactly_the_limit_is_accepted():
    content = b"%PDF-" + b"a" * (MB - 5)
    assert receive(io.BytesIO(content), "edge.pdf", MB).size == MB


@pytest.mark.parametrize(("name", "shown"), [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("a/b\\c.pdf", "c.pdf"),
    ("C:\\Users\\ana\\scan.pdf", "scan.pdf"),
    ("evil\x00name\r\n.pdf", "evilname.pdf"),
    ("<script>alert(1)</script>.pdf", "script>.pdf"),
    ("..", "file"),
])
def test_uploaded_names_lose_their_folders_and_control_characters(name, shown):
    assert clean_name(name) == shown
