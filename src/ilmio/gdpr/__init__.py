"""Data-subject rights: the export and erasure of one person's data (a staff account, or a
resident's feedback address), after the pattern of Helsinki's profile GDPR API — a query
scope answering a JSON tree, a delete scope with a dry run inside a rolled-back transaction."""
