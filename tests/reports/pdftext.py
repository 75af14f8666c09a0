"""Read a generated PDF back the way a reader would: its pages and their text."""

import io

from pypdf import PdfReader


def pdf_pages(pdf: bytes) -> list[str]:
    assert pdf.startswith(b"%PDF"), "not a PDF"
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(pdf_pages(pdf))
