"""Data for trying and measuring the product, never for production.

- loader: the demo (a group in Västerbotten as in the reference report, and a small second
  group), loaded by `manage.py demo`.
- scale, scale_records, scale_answers: national-scale generated groups for performance
  work, made by `manage.py generate_scale_data`.
- texts: reads the Swedish texts both use, which live as data files in data/.
"""
