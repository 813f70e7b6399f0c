"""Fill empty English translations in locale/en from scripts/en/*.py, then report what is left.

Usage: python scripts/fill_en.py   (after `manage.py makemessages -l en`)
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from en import EN  # noqa: E402

PO = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"
ENTRY = re.compile(r'(msgid "((?:[^"\\]|\\.)*)"\nmsgstr )""', re.M)


def main():
    text = PO.read_text(encoding="utf-8")
    missing = []

    def fill(match):
        source = match.group(2).replace('\\"', '"')  # the .po escapes quotes
        if source in EN:
            return match.group(1) + '"' + EN[source].replace('"', '\\"') + '"'
        if source:
            missing.append(source)
        return match.group(0)

    PO.write_text(ENTRY.sub(fill, text).replace("#, fuzzy\n", ""), encoding="utf-8")
    for source in missing:
        print("untranslated:", source)


if __name__ == "__main__":
    main()
