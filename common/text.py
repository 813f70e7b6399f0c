"""Text rules shared by every door."""


def single_line(value: str | None) -> str:
    """One line, single spaces: CR, LF, tabs and other whitespace runs become one space.

    For fields that end up in e-mail headers (a feedback title becomes a notification subject): a
    CR/LF there is header injection, and Django refuses to send (BadHeaderError).
    """
    return " ".join((value or "").split())
