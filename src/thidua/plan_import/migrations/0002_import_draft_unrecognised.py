"""The paths a draft's reader could not read although the text may state them (issue #17)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("plan_import", "0001_import_draft")]

    operations = [
        migrations.AddField(
            model_name="importdraft",
            name="unrecognised",
            field=models.JSONField(
                blank=True, default=list, verbose_name="trường máy chưa nhận ra"
            ),
        ),
    ]
