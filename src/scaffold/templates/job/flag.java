
@Label("Job: {{jobWords}} (kill switch: off stops it; change {{changeNumber}})")
{{flag}},
