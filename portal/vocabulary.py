"""Registry labels shown on department pages, marked for makemessages.

``registry.choices`` keeps plain Ukrainian strings; the templates translate them with
``{% translate dataset.get_status_display %}``, which works only if makemessages has seen the
text somewhere. tests/pages/test_labels.py keeps these lists equal to the choices.
"""

from django.utils.translation import gettext_noop

DATASET_STATUS_MESSAGES = (
    gettext_noop("Заплановано"),
    gettext_noop("Готується"),
    gettext_noop("Оприлюднено"),
    gettext_noop("Архівний"),
)
FREQUENCY_MESSAGES = (
    gettext_noop("Більш як один раз на день"),
    gettext_noop("Щодня"),
    gettext_noop("Щотижня"),
    gettext_noop("Щомісяця"),
    gettext_noop("Щокварталу"),
    gettext_noop("Кожного півріччя"),
    gettext_noop("Щороку"),
    gettext_noop("Відразу після внесення змін"),
    gettext_noop("Більше не оновлюється"),
)
