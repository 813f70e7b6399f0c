"""Text rules shared by every door."""


def single_line(value: str | None) -> str:
    """One line, single spaces: CR, LF, tabs and other whitespace runs become one space.

    For fields that end up in e-mail headers (a feedback title becomes a notification subject): a
    CR/LF there is header injection, and Django refuses to send (BadHeaderError).
    """
    return " ".join((value or "").split())


def shorten_at_word(value: str | None, limit: int) -> str:
    """``value`` in at most ``limit`` characters, cut at a word boundary with "…" when it is longer.

    A single word longer than the limit is the only case cut inside a word (there is no boundary).
    """
    text = " ".join((value or "").split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:—–-") + "…"
