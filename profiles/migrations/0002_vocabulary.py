from django.db import migrations

# The vocabulary as it was loaded when the tables were created, frozen here so that this migration
# never depends on the live lists. Later changes to the lists reach the tables through
# profiles.models.sync_vocabulary (run by seed_demo) or a data migration of their own.
STATES = (
    ('AL', 'Alabama'), ('AK', 'Alaska'), ('AZ', 'Arizona'), ('AR', 'Arkansas'),
    ('CA', 'California'), ('CO', 'Colorado'), ('CT', 'Connecticut'), ('DE', 'Delaware'),
    ('DC', 'District of Columbia'), ('FL', 'Florida'), ('GA', 'Georgia'), ('HI', 'Hawaii'),
    ('ID', 'Idaho'), ('IL', 'Illinois'), ('IN', 'Indiana'), ('IA', 'Iowa'),
    ('KS', 'Kansas'), ('KY', 'Kentucky'), ('LA', 'Louisiana'), ('ME', 'Maine'),
    ('MD', 'Maryland'), ('MA', 'Massachusetts'), ('MI', 'Michigan'), ('MN', 'Minnesota'),
    ('MS', 'Mississippi'), ('MO', 'Missouri'), ('MT', 'Montana'), ('NE', 'Nebraska'),
    ('NV', 'Nevada'), ('NH', 'New Hampshire'), ('NJ', 'New Jersey'), ('NM', 'New Mexico'),
    ('NY', 'New York'), ('NC', 'North Carolina'), ('ND', 'North Dakota'), ('OH', 'Ohio'),
    ('OK', 'Oklahoma'), ('OR', 'Oregon'), ('PA', 'Pennsylvania'), ('RI', 'Rhode Island'),
    ('SC', 'South Carolina'), ('SD', 'South Dakota'), ('TN', 'Tennessee'), ('TX', 'Texas'),
    ('UT', 'Utah'), ('VT', 'Vermont'), ('VA', 'Virginia'), ('WA', 'Washington'),
    ('WV', 'West Virginia'), ('WI', 'Wisconsin'), ('WY', 'Wyoming'),
)

LANGUAGES = (
    ('en', 'English'),
    ('es', 'Spanish'),
    ('zh', 'Chinese'),
    ('vi', 'Vietnamese'),
    ('tl', 'Tagalog'),
    ('ar', 'Arabic'),
    ('fr', 'French'),
    ('ko', 'Korean'),
    ('ru', 'Russian'),
    ('de', 'German'),
    ('pt', 'Portuguese'),
    ('hi', 'Hindi'),
    ('asl', 'American Sign Language'),
)

CONCERNS = (
    ('anxiety', 'Anxiety'),
    ('depression', 'Depression'),
    ('trauma', 'Trauma and PTSD'),
    ('relationships', 'Relationships'),
    ('grief', 'Grief and loss'),
    ('identity', 'Identity'),
    ('stress', 'Stress and burnout'),
    ('self_esteem', 'Self-esteem'),
    ('family', 'Family conflict'),
    ('life_transitions', 'Life transitions'),
    ('addiction', 'Substance use'),
    ('eating', 'Eating and body image'),
    ('ocd', 'OCD'),
    ('parenting', 'Parenting'),
)

INSURANCE_PLANS = (
    ('aetna', 'Aetna'),
    ('bcbs', 'Blue Cross Blue Shield'),
    ('cigna', 'Cigna'),
    ('kaiser', 'Kaiser Permanente'),
    ('medicaid', 'Medicaid'),
    ('medicare', 'Medicare'),
    ('optum', 'Optum / UnitedHealthcare'),
    ('tricare', 'TRICARE'),
)

MODALITIES = (
    ('cbt', 'Cognitive behavioural therapy (CBT)'),
    ('dbt', 'Dialectical behaviour therapy (DBT)'),
    ('act', 'Acceptance and commitment therapy (ACT)'),
    ('psychodynamic', 'Psychodynamic'),
    ('person_centred', 'Person-centred'),
    ('emdr', 'EMDR'),
    ('ifs', 'Internal family systems (IFS)'),
    ('emotion_focused', 'Emotion-focused therapy'),
    ('solution_focused', 'Solution-focused'),
    ('mindfulness', 'Mindfulness-based'),
)

VOCABULARY = {
    "State": STATES,
    "Language": LANGUAGES,
    "Concern": CONCERNS,
    "InsurancePlan": INSURANCE_PLANS,
    "Modality": MODALITIES,
}


def load_vocabulary(apps, schema_editor):
    for model_name, choices in VOCABULARY.items():
        historical = apps.get_model("profiles", model_name)
        for code, name in choices:
            historical.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("profiles", "0001_initial")]

    operations = [migrations.RunPython(load_vocabulary, migrations.RunPython.noop)]
