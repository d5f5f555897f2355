# The check-in moves to questions of our own (bond, goals, tasks on 0..4, "would you go back?",
# and per style scale how the therapist came across). Earlier check-ins answered another
# structure that cannot be mapped onto this one, so they and the averages published from
# them are deleted. Requests keep the fit score and per-scale distances at the time they were sent.

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def delete_old_check_ins(apps, schema_editor):
    apps.get_model("alliance", "PublishedCheckIns").objects.all().delete()
    apps.get_model("alliance", "CheckIn").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alliance", "0001_initial"),
        ("profiles", "0008_limits_and_no_wording_on_fields"),
    ]

    operations = [
        migrations.RunPython(delete_old_check_ins, migrations.RunPython.noop),
        *[
            migrations.RemoveConstraint(model_name="checkin", name=f"check_in_{name}_in_scale")
            for name in ("heard", "goals", "approach", "overall")
        ],
        migrations.RemoveField(model_name="checkin", name="heard"),
        migrations.RemoveField(model_name="checkin", name="approach"),
        migrations.RemoveField(model_name="checkin", name="overall"),
        migrations.AlterField(
            model_name="checkin",
            name="goals",
            field=models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(4)]),
        ),
        migrations.AddField(
            model_name="checkin",
            name="bond",
            field=models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(4)]),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="checkin",
            name="tasks",
            field=models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(4)]),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="checkin",
            name="again",
            field=models.CharField(
                choices=[("yes", "Yes"), ("unsure", "I'm not sure yet"), ("no", "No")], default="unsure", max_length=10
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="checkin",
            name="felt_right",
            field=models.BooleanField(
                default=False, help_text="Our rule (matchmaker.alliance.rules.felt_right) on these answers."
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="checkin",
            name="style_steps",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Per weighted scale, how the therapist came across: -2..2, 0 about right.",
            ),
        ),
        migrations.AddField(
            model_name="checkin",
            name="wanted",
            field=models.JSONField(
                blank=True, default=dict, help_text="Per weighted scale, the client's point when checking in."
            ),
        ),
        migrations.AddField(
            model_name="checkin",
            name="is_synthetic",
            field=models.BooleanField(default=False, help_text="Made up for a demo, not from a real client."),
        ),
        *[
            migrations.AddConstraint(
                model_name="checkin",
                constraint=models.CheckConstraint(
                    condition=models.Q((f"{name}__gte", 0), (f"{name}__lte", 4)), name=f"check_in_{name}_in_scale"
                ),
            )
            for name in ("bond", "goals", "tasks")
        ],
        migrations.AddConstraint(
            model_name="checkin",
            constraint=models.CheckConstraint(
                condition=models.Q(("again__in", ["yes", "unsure", "no"])), name="check_in_again_known"
            ),
        ),
        migrations.AddField(
            model_name="consultationrequest",
            name="fit_at_request",
            field=models.FloatField(blank=True, help_text="The client's fit score with the therapist then.", null=True),
        ),
        migrations.AddField(
            model_name="consultationrequest",
            name="gaps_at_request",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Per weighted scale, the distance between the client and the therapist then.",
            ),
        ),
        migrations.CreateModel(
            name="ExperiencedStyle",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=30)),
                (
                    "mean",
                    models.FloatField(help_text="The mean experienced point, rounded to the nearest half point."),
                ),
                (
                    "clients",
                    models.PositiveIntegerField(help_text="How many different clients the mean is drawn from."),
                ),
                (
                    "last_check_in",
                    models.PositiveBigIntegerField(help_text="The id of the newest check-in the mean includes."),
                ),
                ("published_at", models.DateTimeField()),
                (
                    "therapist",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="experienced_style",
                        to="profiles.therapist",
                    ),
                ),
            ],
            options={
                "ordering": ["therapist", "key"],
                "constraints": [
                    models.UniqueConstraint(fields=("therapist", "key"), name="experienced_style_once_per_scale")
                ],
            },
        ),
    ]
