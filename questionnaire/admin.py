from __future__ import annotations

# Clients' answers are sensitive health information and are deliberately not
# browsable in the admin; curators see them only in aggregate.
