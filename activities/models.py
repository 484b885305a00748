# Periods, questionnaires, submissions, records and reports arrive with the next issues.
