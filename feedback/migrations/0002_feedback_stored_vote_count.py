from django.db import migrations, models
from django.db.models.functions import Coalesce


def backfill_vote_counts(apps, schema_editor):
    FeedbackItem = apps.get_model("feedback", "FeedbackItem")
    Vote = apps.get_model("feedback", "Vote")
    counts = models.Subquery(
        Vote.objects.filter(item=models.OuterRef("pk"))
        .order_by()
        .values("item")
        .annotate(n=models.Count("pk"))
        .values("n"),
        output_field=models.IntegerField(),
    )
    FeedbackItem.objects.update(vote_count=Coalesce(counts, 0))


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="feedbackitem",
            name="vote_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="голосів"),
        ),
        migrations.RunPython(backfill_vote_counts, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="feedbackitem",
            index=models.Index(fields=["-vote_count", "-created_at", "-id"], name="feedback_votes_order"),
        ),
        migrations.AddIndex(
            model_name="feedbackitem",
            index=models.Index(fields=["-created_at", "-id"], name="feedback_created_order"),
        ),
    ]
