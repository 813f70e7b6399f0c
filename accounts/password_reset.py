"""Password reset that cannot be used to flood a mailbox: limits per address and per e-mail.

The limits (``PASSWORD_RESET_PER_IP``, ``PASSWORD_RESET_PER_EMAIL`` per hour) count in the shared
cache. A limited request gets the form back with 429 and a message; the answer is the same whether
or not the e-mail belongs to an account, so it reveals nothing.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from common import counters

WINDOW_SECONDS = 3600


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        by_address = counters.count(f"pw-reset-ip:{counters.client_address(self.request)}", WINDOW_SECONDS)
        by_email = counters.count(f"pw-reset-email:{email}", WINDOW_SECONDS)
        if by_address > settings.PASSWORD_RESET_PER_IP or by_email > settings.PASSWORD_RESET_PER_EMAIL:
            form.add_error("email", _("Забагато запитів на відновлення пароля. Спробуйте через годину."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)
