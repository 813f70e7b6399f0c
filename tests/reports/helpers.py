import subprocess
from pathlib import Path


def pdf_text(path, *, layout=True) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed (lines wrap anywhere).

    ``layout=True`` keeps table rows on one line; ``False`` keeps each table cell's text together.
    """
    options = ["-layout"] if layout else []
    text = subprocess.run(["pdftotext", *options, str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]
