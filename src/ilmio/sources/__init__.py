"""Other knowledge sources beside social reports (seed 001, 5.2.1): source documents such as
the social and patient ombudsman's reports, welfare reports, client-experience reports,
research and self-monitoring reports, whose findings are linked to phenomena and areas."""
