"""E-mail backends that fail on purpose, for tests of retries and crashes."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend


class Crash(BaseException):  # noqa: N818 - stands for the process dying (not an Exception: nothing catches it)
    pass


class FlakyBackend(EmailBackend):
    """Locmem backend whose n-th send attempts (1-based, counted across instances) raise ``error``."""

    attempts = 0
    fail_on: set[int] = set()
    fail_recipients: set[str] = set()
    error: BaseException = smtplib.SMTPServerDisconnected("connection lost")

    @classmethod
    def reset(cls, *, fail_on=(), fail_recipients=(), error=None):
        cls.attempts = 0
        cls.fail_on = set(fail_on)
        cls.fail_recipients = set(fail_recipients)
        cls.error = error or smtplib.SMTPServerDisconnected("connection lost")
        mail.outbox = []

    def send_messages(self, messages):
        for message in messages:
            type(self).attempts += 1
            if type(self).attempts in self.fail_on or set(message.to) & self.fail_recipients:
                raise type(self).error
        return super().send_messages(messages)
