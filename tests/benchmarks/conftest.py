import pytest


@pytest.fixture(autouse=True)
def _restore_language():
    """The measured requests and jobs activate languages on this thread; leave it as it was."""
    from django.utils import translation

    language = translation.get_language()
    yield
    if language:
        translation.activate(language)
    else:
        translation.deactivate()
