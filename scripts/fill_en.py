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
# A counted message: its singular and plural msgids are both keys of EN (English has two forms).
PLURAL = re.compile(
    r'(msgid "((?:[^"\\]|\\.)*)"\nmsgid_plural "((?:[^"\\]|\\.)*)"\n)msgstr\[0\] ""\nmsgstr\[1\] ""', re.M
)


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

    def fill_plural(match):
        one, many = (group.replace('\\"', '"') for group in match.group(2, 3))
        if one in EN and many in EN:
            quoted = [EN[source].replace('"', '\\"') for source in (one, many)]
            return match.group(1) + f'msgstr[0] "{quoted[0]}"\nmsgstr[1] "{quoted[1]}"'
        missing.append(one)
        return match.group(0)

    text = PLURAL.sub(fill_plural, text)
    PO.write_text(ENTRY.sub(fill, text).replace("#, fuzzy\n", ""), encoding="utf-8")
    for source in missing:
        print("untranslated:", source)


if __name__ == "__main__":
    main()
