"""Indexes of the works lists (issue #16): the newest-first order, and a covering index
for the public counts per unit."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('works', '0001_initial'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='work',
            index=models.Index(fields=['-updated_at', '-id'], name='work_recent_idx'),
        ),
        migrations.AddIndex(
            model_name='work',
            index=models.Index(fields=['state', 'campaign', 'unit'], name='work_state_campaign_unit_idx'),
        ),
    ]
