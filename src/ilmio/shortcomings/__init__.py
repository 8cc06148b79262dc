"""Notifications of shortcomings (epäkohtailmoitus, laki sosiaali- ja terveydenhuollon
valvonnasta 741/2023): filed by staff, corrected by the unit's responsible person,
escalated to the supervisory authority when not corrected in time."""
