"""The awards app's PhaseReview becomes PhaseAwardDate (what it holds: the day a phase's
awards are decided), so it is no longer confused with reviews.PhaseReview; the phase's
reverse accessor becomes ``award_date``. Both operations reverse themselves."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0002_holiday_working_phase_review'),
        ('campaigns', '0004_registration_deadline'),
    ]

    operations = [
        migrations.RenameModel(old_name='PhaseReview', new_name='PhaseAwardDate'),
        migrations.AlterField(
            model_name='phaseawarddate',
            name='phase',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='award_date', to='campaigns.phase'),
        ),
    ]
