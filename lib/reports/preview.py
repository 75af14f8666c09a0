"""A PNG of a report's first page for the preview (pdftoppm from poppler-utils, if installed)."""

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)
PREVIEW_TIMEOUT_S = 30


def preview_available() -> bool:
    return shutil.which("pdftoppm") is not None


def first_page_png(pdf: bytes, dpi: int = 80) -> bytes | None:
    """The first page as PNG bytes; None when pdftoppm is missing or fails (the download still works)."""
    if not preview_available():
        return None
    with tempfile.TemporaryDirectory(prefix="report-preview-") as folder:
        source, target = Path(folder) / "report.pdf", Path(folder) / "page"
        source.write_bytes(pdf)
        try:
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                            str(source), str(target)], check=True, capture_output=True, timeout=PREVIEW_TIMEOUT_S)
        except (subprocess.SubprocessError, OSError) as problem:
            log.warning("report preview failed: %s", problem)
            return None
        return (Path(folder) / "page.png").read_bytes()
