"""What passes between a client and a therapist: consultation requests, first-session check-ins,
and the figures published from them.

Both sides read these rows, so they live apart from both: the therapist side (profiles) and the
client side (questionnaire) import this app, and it imports neither. Its models point at the
two sides by app label only.
"""
